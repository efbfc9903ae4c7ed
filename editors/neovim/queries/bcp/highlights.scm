; Syntax highlighting for .bcp files, with the standard capture names that
; tree-sitter highlighters, Neovim, Helix and Zed map to themes.
;
; No pattern captures a node another pattern captures too, so the result
; does not depend on whether an editor lets the first or the last match win.
; tests/unit/test_queries.c compiles this file and checks its captures.

(comment) @comment

"use" @keyword

; A block starts with its kind word (plan, function, contact, ...): what the
; entity is.  The optional id after it names this one entity.
(block
  kind: (identifier) @type)

(block
  name: (identifier) @variable)

(attribute
  key: (identifier) @property)

; contact.owner: a kind and the id of an entity of that kind.
(reference
  kind: (identifier) @type
  name: (identifier) @variable.member)

; Bare words as values are enumeration members (size = micro).
(attribute
  value: (identifier) @constant)

(list
  (identifier) @constant)

(string) @string

(multiline_string) @string

(escape_sequence) @string.escape

(integer) @number

(duration) @number

(date) @string.special

(boolean) @boolean

[
  "{"
  "}"
  "["
  "]"
] @punctuation.bracket

[
  ","
  "."
] @punctuation.delimiter

"=" @operator
