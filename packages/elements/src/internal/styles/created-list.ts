import { css } from 'lit';

/** The list of the requests a submission created (the form's success view, Request again). */
export const createdList = css`
  .created {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .created li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
`;
