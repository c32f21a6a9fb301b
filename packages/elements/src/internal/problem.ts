import { ApiError } from '@access-requests/sdk';

/** What to tell the user about a failed call: the problem's detail, else the error's message. */
export const problemText = (error: unknown): string =>
  error instanceof ApiError
    ? error.problem.detail || error.problem.title
    : error instanceof Error
      ? error.message
      : String(error);
