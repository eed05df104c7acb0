// Package sitedata writes what Hugo builds the site from, and reads the
// settings the site folder keeps for the build.
//
// Hugo's data (data/kinerja/<lang>/*.json, mounted from the build folder,
// never written into the repository's data/) and each indicator's record
// (assets/iku/<lang>/<slug>.json) are the display model of generator/
// display, serialised as it is: the JSON is the contract with the
// templates in themes/kinerja, which print it and decide nothing. The
// charts drawn from the same records go to assets/charts/<lang>/.
//
// The settings (hugo.toml, data/kategori.toml, data/privasi.toml,
// data/kalender.toml, data/pemeriksaan.toml) and the words of every
// language (the theme's i18n, overridden by the site's, read with the
// same library as Hugo's) are read here once per build.
package sitedata
