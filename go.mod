module github.com/newsreel/newsreel

go 1.26.8

require (
	fyne.io/fyne/v2 v2.7.1 // indirect
	github.com/golang/freetype v0.0.0-20170609003504-e2365dfdc4a0 // indirect
	github.com/mattn/go-sqlite3 v1.14.53 // indirect
	github.com/wcharczuk/go-chart/v2 v2.1.2 // indirect
	go.yaml.in/yaml/v3 v3.0.4 // indirect
	golang.org/x/image v0.24.0 // indirect
)
