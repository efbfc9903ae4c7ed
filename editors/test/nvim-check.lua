-- Run by tests/cli/test_editors.sh in headless Neovim with a copy of
-- editors/neovim (inside a copy of the repository layout) on 'runtimepath':
-- builds the parser with the plugin's :BcpBuildParser code, opens the sample
-- and checks detection, buffer settings and the queries' captures.  Writes the
-- failures, one per line, to $RESULT.
local failures = {}
local function expect(ok, what)
  if not ok then
    table.insert(failures, what)
  end
end

vim.opt.runtimepath:prepend(os.getenv("PLUGIN_DIR"))
vim.cmd("runtime! plugin/bcp.lua")
vim.cmd("filetype plugin indent on")

expect(vim.fn.exists(":BcpBuildParser") == 2, ":BcpBuildParser is defined")
expect(require("bcp").build_parser(), "build_parser() compiles grammar/src/parser.c")

vim.cmd("edit " .. os.getenv("SAMPLE"))
expect(vim.bo.filetype == "bcp", "filetype is " .. vim.bo.filetype)
expect(vim.bo.commentstring == "# %s", "commentstring is " .. vim.bo.commentstring)
expect(vim.bo.shiftwidth == 2, "shiftwidth is " .. vim.bo.shiftwidth)

local ok, parser = pcall(vim.treesitter.get_parser, 0, "bcp")
expect(ok, "the bcp parser loads: " .. tostring(parser))
if ok then
  local root = parser:parse()[1]:root()
  expect(not root:has_error(), "the sample parses without errors")
  local get_query = vim.treesitter.query.get or vim.treesitter.get_query
  local function captured(query_name, capture, row, col)
    local query = get_query("bcp", query_name)
    if not query then
      return false
    end
    for id, node in query:iter_captures(root, 0, row, row + 1) do
      local r, c = node:start()
      if query.captures[id] == capture and r == row and c == col then
        return true
      end
    end
    return false
  end
  local cases = {
    { "highlights", "comment", 0, 0 },
    { "highlights", "property", 4, 2 },
    { "highlights", "string.special", 8, 17 },
    { "highlights", "number", 9, 17 },
    { "highlights", "boolean", 19, 13 },
    { "folds", "fold", 3, 0 },
    { "folds", "fold", 21, 13 },
    { "indents", "indent.begin", 3, 12 },
    { "locals", "local.definition", 38, 8 },
    { "locals", "local.reference", 7, 25 },
  }
  for _, case in ipairs(cases) do
    expect(captured(unpack(case)), string.format("%s.scm: no @%s at %d:%d", unpack(case)))
  end
end

vim.fn.writefile(failures, os.getenv("RESULT"))
vim.cmd("qall!")
