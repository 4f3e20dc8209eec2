import { describe, expect, it } from 'vitest';
import { findBrokenHtml } from './html.server.ts';

describe('broken HTML in descriptions', () => {
  it.each([
    '<p>Hand-thrown <strong>stoneware</strong> mug.</p>',
    '<ul><li>Dishwasher safe<li>350 ml</ul>',
    'Plain text, no markup at all',
    '<p>Line<br>break<img src="a.jpg" alt=""></p><!-- <div> in a comment -->',
    '<svg><path d="M0 0"/></svg>',
  ])('accepts %s', (html) => {
    expect(findBrokenHtml(html)).toBeNull();
  });

  it.each([
    ['<div><p>Mug</div>', null],
    ['<div><strong>Mug</div>', '<strong> is never closed'],
    ['<p>Mug</span></p>', '</span> closes a tag that was never opened'],
    ['<div>Mug', '<div> is never closed'],
    ['<p>Mug <a href="x"', 'the markup ends inside a tag'],
  ])('reports %s', (html, fault) => {
    expect(findBrokenHtml(html)).toBe(fault);
  });
});
