; The outline panel lists every named block as "kind id".

(block
  kind: (identifier) @context
  name: (identifier) @name) @item
