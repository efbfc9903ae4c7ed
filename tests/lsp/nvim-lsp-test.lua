-- Headless Neovim (0.7+) drives `bcp lsp` with its built-in client:
--   BCP=build/bcp REPO=. nvim --headless --clean -c "luafile tests/lsp/nvim-lsp-test.lua"
-- Opens examples/beijing-finance.bcp, edits it through the buffer (Neovim sends
-- incremental changes), and checks diagnostics, completion, hover,
-- definition, rename and formatting at exact positions.  Exits 1 on failure.
local bcp = os.getenv("BCP")
local repo = os.getenv("REPO")
local failures, checks = 0, 0
local function expect(ok, what, got)
  checks = checks + 1
  if not ok then
    failures = failures + 1
    io.stderr:write("FAIL (nvim): " .. what .. (got ~= nil and ("\n  got: " .. vim.inspect(got):sub(1, 500)) or "") .. "\n")
  end
end

local file = repo .. "/examples/beijing-finance.bcp"
local original = table.concat(vim.fn.readfile(file), "\n") .. "\n"
local published = 0
-- The shipped configuration (editors/neovim): require("bcp").start_lsp().
vim.opt.runtimepath:prepend(repo .. "/editors/neovim")
local orig = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  published = published + 1
  return orig(err, result, ctx, config)
end
local get_id = require("bcp").start_lsp({ cmd = { bcp, "lsp", "--debounce", "0", "--today", "2026-12-04" }, root_dir = repo })
vim.cmd("edit " .. vim.fn.fnameescape(file))
vim.bo.filetype = "bcp"
local buf = vim.api.nvim_get_current_buf()
local client_id = get_id()
expect(client_id ~= nil, "start_lsp starts bcp lsp for a bcp buffer")
local client = vim.lsp.get_client_by_id(client_id)
expect(vim.wait(20000, function() return published > 0 end, 20), "diagnostics are published on open")
expect(#vim.diagnostic.get(buf) == 0, "beijing-finance.bcp has no findings", vim.diagnostic.get(buf))

-- The 0-based line and byte column of a needle.
local function find(needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local c = line:find(needle, 1, true)
    if c then return i - 1, c - 1 end
  end
  error("not found: " .. needle)
end
local function params(line, col)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = col } }
end

-- An edit through the buffer: `size = medium` -> `size = mediu`.
local sl, sc = find("size         = medium")
local before = published
vim.api.nvim_buf_set_text(buf, sl, sc + 20, sl, sc + 21, { "" })
expect(vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == "E106" then return true end
  end
  return false
end, 20), "E106 after the edit")
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.code == "E106" then
    expect(d.lnum == sl and d.col == sc + 15 and d.end_col == sc + 20, "E106 at `mediu`", d)
  end
end
vim.api.nvim_buf_set_text(buf, sl, sc + 20, sl, sc + 20, { "m" })
expect(vim.wait(20000, function() return published > before + 1 and #vim.diagnostic.get(buf) == 0 end, 20),
  "findings clear when the text is fixed")

-- Completion: `owner = contact.` offers the contacts.
local ol, oc = find("owner        = contact.cro")
local r = client.request_sync("textDocument/completion", params(ol, oc + 23), 10000, buf)
local labels = {}
for _, item in ipairs(r and r.result and r.result.items or {}) do labels[item.label] = item end
expect(labels["contact.cro"] and labels["contact.ceo"] and not labels["site.hq"], "contact completion", vim.tbl_keys(labels))

-- Hover on the attribute name.
r = client.request_sync("textDocument/hover", params(ol, oc + 2), 10000, buf)
expect(r and r.result and r.result.contents.value:find("reference to contact", 1, true), "hover on owner", r)

-- Signature help in `sites = [site.hq, site.dc_primary, ...]`: the second element.
local pl, pc = find("sites        = [site.hq, site.dc_primary")
r = client.request_sync("textDocument/signatureHelp", params(pl, pc + 26), 10000, buf)
local sig = r and r.result and r.result.signatures and r.result.signatures[1]
expect(sig and r.result.activeParameter == 1 and sig.label == "sites = [site.ID, site.ID, ...]"
  and sig.documentation.value:find("list of reference to site", 1, true), "signature help on sites", r)

-- Definition of contact.cro.
r = client.request_sync("textDocument/definition", params(ol, oc + 24), 10000, buf)
local dl = find("contact cro {")
expect(r and r.result and r.result.range.start.line == dl and r.result.range.start.character == 8, "definition", r)

-- Rename contact.cro: one edit per reference plus the id.
r = client.request_sync("textDocument/rename", { textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = dl, character = 9 }, newName = "chief_risk" }, 10000, buf)
local count = select(2, original:gsub("contact%.cro%f[^%w_%-]", ""))
local edits = r and r.result and r.result.changes and r.result.changes[vim.uri_from_bufnr(buf)] or {}
expect(#edits == count + 1, "rename edits (" .. (count + 1) .. ")", #edits)

-- Formatting: squeeze an `=`, format, and get the file back.
local vl = find('version      = "1.0"')
vim.api.nvim_buf_set_text(buf, vl, 9, vl, 17, { "=" })
r = client.request_sync("textDocument/formatting", { textDocument = { uri = vim.uri_from_bufnr(buf) },
  options = { tabSize = 2, insertSpaces = true } }, 10000, buf)
expect(r and r.result and #r.result == 1, "one formatting edit", r)
if r and r.result then vim.lsp.util.apply_text_edits(r.result, buf, "utf-16") end
local now = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") .. "\n"
expect(now == original, "formatting restores the file")

client.stop()
vim.wait(2000, function() return client.is_stopped() end, 20)
io.stdout:write(string.format("lsp nvim test: %d/%d checks passed\n", checks - failures, checks))
vim.cmd(failures > 0 and "cquit 1" or "qall!")
