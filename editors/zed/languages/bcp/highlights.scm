; Highlights with Zed's capture names.

(comment) @comment

"use" @keyword

(block
  kind: (identifier) @keyword
  name: (identifier)? @type)

(attribute
  key: (identifier) @property)

(reference
  kind: (identifier) @type
  "." @punctuation.delimiter
  name: (identifier) @variable)

[
  (string)
  (multiline_string)
] @string

(escape_sequence) @string.escape

[
  (integer)
  (duration)
] @number

(date) @string.special

(boolean) @boolean

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
