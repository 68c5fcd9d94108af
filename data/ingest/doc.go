// Package ingest turns files into timeline articles: it walks folders, reads
// plain text and Markdown with YAML front matter, rejects empty, binary,
// oversized and badly encoded files with a clear error naming the file, and
// feeds a batch into any store one article at a time so that one bad file
// never stops the rest.
package ingest
