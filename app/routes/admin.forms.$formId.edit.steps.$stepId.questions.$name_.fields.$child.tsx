/** A group's own question: the same editor as any question (the route module reads `child`). */
export { action, default, loader } from "./admin.forms.$formId.edit.steps.$stepId.questions.$name";
