package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Preference keys.
const (
	prefTheme      = "theme"       // system, light, dark
	prefView       = "view"        // last screen
	prefDB         = "database"    // database file (used at next start)
	prefSchema     = "schema"      // schema file ("" = bundled summit)
	prefExportSize = "export-size" // default chart export size, e.g. 1600x900
	prefWidth      = "window-width"
	prefHeight     = "window-height"
)

// showPreferences edits theme, database, schema and export size.
func (v *Window) showPreferences() {
	p := v.app.Preferences()
	themes := widget.NewRadioGroup([]string{themeSystem, themeLight, themeDark}, func(choice string) {
		p.SetString(prefTheme, choice)
		v.app.Settings().SetTheme(themeFor(choice))
	})
	themes.Horizontal = true
	themes.SetSelected(p.StringWithFallback(prefTheme, themeSystem))
	dbEntry := widget.NewEntry()
	dbEntry.SetText(p.StringWithFallback(prefDB, v.dbPath))
	schemaEntry := widget.NewEntry()
	schemaEntry.SetPlaceHolder("bundled summit schema")
	schemaEntry.SetText(p.String(prefSchema))
	sizeEntry := widget.NewEntry()
	sizeEntry.SetText(p.StringWithFallback(prefExportSize, "1600x900"))
	note := widget.NewLabel("Database and schema changes take effect the next time Newsreel starts.")
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Theme", themes),
		widget.NewFormItem("Database", dbEntry),
		widget.NewFormItem("Schema file", schemaEntry),
		widget.NewFormItem("Chart export size", sizeEntry),
	)
	d := dialog.NewCustomConfirm("Preferences", "Save", "Cancel", container.NewVBox(form, note), func(ok bool) {
		if !ok {
			return
		}
		p.SetString(prefDB, dbEntry.Text)
		p.SetString(prefSchema, schemaEntry.Text)
		p.SetString(prefExportSize, sizeEntry.Text)
	}, v.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}
