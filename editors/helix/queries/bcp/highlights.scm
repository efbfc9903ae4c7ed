; Highlights with Helix's capture names (https://docs.helix-editor.com/themes.html).
; Helix gives the first matching pattern precedence, so specific patterns come
; before general ones.

(comment) @comment

"use" @keyword.control.import

; `kind id {`: the kind word opens every block; the id names the entity.
(block
  kind: (identifier) @keyword
  name: (identifier)? @type)

(attribute
  key: (identifier) @variable.other.member)

; kind.id
(reference
  kind: (identifier) @type
  "." @punctuation.delimiter
  name: (identifier) @variable)

[
  (string)
  (multiline_string)
] @string

(escape_sequence) @constant.character.escape

(integer) @constant.numeric.integer

(duration) @constant.numeric

(date) @string.special

(boolean) @constant.builtin.boolean

; A bare word as a value: an enumeration or catalogue entry (`micro`, `none`).
(attribute
  value: (identifier) @constant)

(list
  (identifier) @constant)

"=" @operator

[
  "{"
  "}"
  "["
  "]"
] @punctuation.bracket

"," @punctuation.delimiter
