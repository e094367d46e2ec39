/**
 * The checking worker's side, apart from the worker global so that jest can
 * run it: runs the engine on each request's grids and answers with the
 * result (a CheckResult is plain data: it survives the structured clone
 * whole), or the engine's error in one line.
 */
import { checkWorkbooks } from "../../core";
import type { CheckReply, CheckRequest } from "./protocol";

export type PostCheck = (reply: CheckReply) => void;

export function createCheckHandler(post: PostCheck): (request: CheckRequest) => void {
  return (request) => {
    if (request?.type !== "check") return;
    try {
      post({ type: "checked", id: request.id, result: checkWorkbooks(request.grids, request.settings) });
    } catch (err) {
      post({ type: "error", id: request.id, message: err instanceof Error ? err.message : String(err) });
    }
  };
}
