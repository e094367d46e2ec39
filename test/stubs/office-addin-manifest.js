// office-addin-mock imports office-addin-manifest, whose ESM-only dependencies jest cannot load; the mock needs only this.
module.exports = { OfficeApp: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project" } };
