// Package kinerja is the site that the kinerja program carries inside it:
// hugo.toml, the default pages (content/), the settings the office edits
// (data/kategori.toml) and the theme (themes/kinerja). The repository root
// is also the Hugo site root, and go:embed reaches only the files under
// the package's own folder, hence this small package at the root.
// cmd/kinerja passes Site to the build when no site folder is given, and
// to `kinerja init`, which writes an editable copy.
package kinerja

import "embed"

// Site holds the site's files under their paths in the repository
// ("hugo.toml", "content/iku/_content.gotmpl", "themes/kinerja/…"). The
// all: prefix keeps the files whose names start with _ (content
// adapters, _partials/).
//
//go:embed hugo.toml all:content all:data all:themes
var Site embed.FS
