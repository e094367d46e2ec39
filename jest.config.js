/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  globalSetup: "<rootDir>/test/global-setup.ts",
  transform: { "^.+\\.tsx?$": ["ts-jest", {}] },
};
