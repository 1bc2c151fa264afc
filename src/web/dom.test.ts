import { describe, expect, it } from 'vitest';
import { safeUrl } from './dom.js';

describe('safeUrl', () => {
  it.each([
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://example.com', 'http://example.com/'],
    ['  https://example.com/x  ', 'https://example.com/x'],
    ['/api/v1/alerts', '/api/v1/alerts'],
    ['#/dashboard', '#/dashboard'],
  ])('keeps %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:window.__pwned=1',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/path',
    'ftp://example.com/file',
    'not a url',
    '',
    null,
    undefined,
  ])('refuses %j', (input) => {
    expect(safeUrl(input)).toBeNull();
  });
});
