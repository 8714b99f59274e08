package rtnames

// Names returns every name the database knows, builtin and from its files,
// in lookup order (shell completion offers them).
func (db *DB) Names() []string {
	db.load()
	names := make([]string, 0, len(db.order))
	for _, e := range db.order {
		names = append(names, e.name)
	}
	return names
}
