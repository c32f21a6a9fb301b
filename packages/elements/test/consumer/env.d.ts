// The elements' typings, once per project: React 19's JSX.IntrinsicElements and Vue's GlobalComponents.
/// <reference types="@access-requests/elements/react" />
/// <reference types="@access-requests/elements/vue" />
