/** URLs of the resident journey (used by routes on both server and browser). */
export const startPath = (formId: string) => `/procedures/${formId}`;
export const stepPath = (formId: string, stepId: string) => `/procedures/${formId}/steps/${stepId}`;
export const checkPath = (formId: string) => `/procedures/${formId}/check`;
export const receiptPath = (formId: string, receipt: string) => `/procedures/${formId}/receipt/${receipt}`;
