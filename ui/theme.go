package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices in the preferences.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// variantTheme is the default theme forced to one variant (light or dark).
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// themeFor returns the theme for a preference value.
func themeFor(choice string) fyne.Theme {
	switch choice {
	case themeLight:
		return variantTheme{theme.DefaultTheme(), theme.VariantLight}
	case themeDark:
		return variantTheme{theme.DefaultTheme(), theme.VariantDark}
	}
	return theme.DefaultTheme()
}

// palette is a colour-blind-safe set (Okabe–Ito) for phases and sources.
var palette = []color.NRGBA{
	{0xE6, 0x9F, 0x00, 0xff}, {0x56, 0xB4, 0xE9, 0xff}, {0x00, 0x9E, 0x73, 0xff}, {0xF0, 0xE4, 0x42, 0xff},
	{0x00, 0x72, 0xB2, 0xff}, {0xD5, 0x5E, 0x00, 0xff}, {0xCC, 0x79, 0xA7, 0xff}, {0x99, 0x99, 0x99, 0xff},
	{0x88, 0x44, 0x11, 0xff}, {0x44, 0x77, 0xAA, 0xff},
}

func paletteColor(i int) color.NRGBA { return palette[((i%len(palette))+len(palette))%len(palette)] }

// withAlpha returns c with alpha a (0..255).
func withAlpha(c color.NRGBA, a uint8) color.NRGBA { c.A = a; return c }

// sourceColor is the colour of the i-th source (sorted by label), distinct
// from the phase colours' order so dots stand out on blocks.
func sourceColor(i int) color.NRGBA { return paletteColor(len(palette) - 1 - i) }
