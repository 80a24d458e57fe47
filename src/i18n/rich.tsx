import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with elements inside it (a number in its own <span> for tests and screen readers, a
 * <code>, a <strong>): `text` is `t(key, params)` with the element placeholders left out of `params` (fill()
 * leaves them as `{name}`), and each `{name}` in `nodes` becomes that element, wherever the language puts it.
 */
export function rich(text: string, nodes: Readonly<Record<string, ReactNode>>): ReactNode {
  return text.split(/(\{\w+\})/).map((part, i) => {
    const m = /^\{(\w+)\}$/.exec(part);
    return <Fragment key={i}>{m && m[1] in nodes ? nodes[m[1]] : part}</Fragment>;
  });
}
