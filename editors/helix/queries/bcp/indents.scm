; Helix indentation: one level inside block bodies and lists; the closing
; bracket goes back to the opening line's level.

[
  (block_body)
  (list)
] @indent

[
  "}"
  "]"
] @outdent
