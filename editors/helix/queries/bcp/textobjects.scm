; `mac`/`mic` select a whole block or its body, `mae` an attribute or a list
; entry, `mat` a comment.

(block
  body: (block_body) @class.inside) @class.around

(attribute) @entry.around

(attribute
  value: (_) @entry.inside)

(comment) @comment.inside

(comment)+ @comment.around
