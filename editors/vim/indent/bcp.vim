" Vim indent file for bcp plans: one level per open { or [.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal autoindent
setlocal indentexpr=GetBcpIndent(v:lnum)
setlocal indentkeys=0},0],!^F,o,O

let b:undo_indent = 'setlocal autoindent< indentexpr< indentkeys<'

if exists('*GetBcpIndent')
  finish
endif

" Brackets on a line outside strings and comments, as an open/close balance.
function! s:Balance(lnum) abort
  let line = getline(a:lnum)
  let balance = 0
  let col = 0
  while 1
    let col = match(line, '[][{}]', col)
    if col < 0
      break
    endif
    let name = synIDattr(synID(a:lnum, col + 1, 0), 'name')
    if name !~# 'String\|Comment'
      let balance += line[col] =~# '[[{]' ? 1 : -1
    endif
    let col += 1
  endwhile
  return balance
endfunction

function! s:InString(lnum, col) abort
  return synIDattr(synID(a:lnum, a:col, 0), 'name') ==# 'bcpMultilineString'
endfunction

function! GetBcpIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  " Inside a multi-line string the author's layout stands.
  if synIDattr(synID(a:lnum, 1, 0), 'name') ==# 'bcpMultilineString'
    return -1
  endif
  " After a multi-line string, continue from the line that opened it.
  while prev > 1 && s:InString(prev, col([prev, '$']) - 1) && s:InString(prev, indent(prev) + 1)
    let prev -= 1
  endwhile
  let ind = indent(prev)
  let opened = s:Balance(prev)
  " A line that starts by closing was already counted on its own line.
  if getline(prev) =~# '^\s*[]}]'
    let opened += 1
  endif
  if opened > 0
    let ind += shiftwidth()
  endif
  if getline(a:lnum) =~# '^\s*[]}]'
    let ind -= shiftwidth()
  endif
  return max([ind, 0])
endfunction
