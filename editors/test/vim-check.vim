" Run by tests/cli/test_editors.sh with editors/vim on 'runtimepath' and
" editors/test/sample.bcp as the current buffer.  Writes the failures, one per
" line, to the file named by g:result (empty when all pass).

function! s:Expect(lnum, col, group) abort
  let name = synIDattr(synID(a:lnum, a:col, 1), 'name')
  call assert_equal(a:group, name, printf('line %d col %d (%s)', a:lnum, a:col,
        \ strpart(getline(a:lnum), a:col - 1, 12)))
endfunction

call assert_equal('', v:errmsg, 'no error while loading the plugin')
call assert_equal('bcp', &filetype, 'filetype')
call assert_equal('bcp', get(b:, 'current_syntax', ''), 'syntax loaded')
call assert_equal('# %s', &commentstring, 'commentstring')
call assert_equal(2, &shiftwidth, 'shiftwidth')
call assert_equal(1, &expandtab, 'expandtab')

call s:Expect(1, 1, 'bcpComment')
call s:Expect(2, 1, 'bcpUse')
call s:Expect(2, 5, 'bcpString')
call s:Expect(4, 1, 'bcpKind')
call s:Expect(4, 6, 'bcpBlockId')
call s:Expect(5, 3, 'bcpAttribute')
call s:Expect(5, 16, 'bcpOperator')
call s:Expect(5, 18, 'bcpString')
call s:Expect(5, 26, 'bcpEscape')
call s:Expect(7, 18, 'bcpEnumMember')
call s:Expect(8, 18, 'bcpReferenceKind')
call s:Expect(8, 25, 'bcpReferenceDot')
call s:Expect(8, 26, 'bcpReference')
call s:Expect(9, 18, 'bcpDate')
call s:Expect(10, 18, 'bcpDuration')
call s:Expect(12, 6, 'bcpString')
call s:Expect(19, 14, 'bcpNumber')
call s:Expect(20, 14, 'bcpBoolean')
call s:Expect(21, 14, 'bcpDuration')
call s:Expect(22, 14, 'bcpMultilineString')
call s:Expect(23, 5, 'bcpMultilineString')
call s:Expect(25, 5, 'bcpMultilineString')
call s:Expect(26, 3, 'bcpAttribute')
call s:Expect(27, 12, 'bcpReferenceKind')
call s:Expect(33, 3, 'bcpKind')
call s:Expect(33, 10, 'bcpBlockId')
call s:Expect(35, 15, 'bcpBoolean')

" The indent expression reproduces the sample's layout (multi-line string
" lines keep theirs: -1).
for lnum in range(1, line('$'))
  if getline(lnum) =~# '^\s*$'
    continue
  endif
  let want = indent(lnum)
  let got = GetBcpIndent(lnum)
  if got != -1
    call assert_equal(want, got, 'indent of line ' . lnum)
  endif
endfor

" Lines typed into a fresh buffer are indented as they are typed.
enew!
setfiletype bcp
call setline(1, ['system erp {', 'backup {', 'every = 1d', '}', 'tags = [', '"a",', ']', '}'])
normal! gg=G
call assert_equal(['system erp {', '  backup {', '    every = 1d', '  }', '  tags = [', '    "a",', '  ]', '}'],
      \ getline(1, '$'), 'gg=G')

call writefile(v:errors, g:result)
