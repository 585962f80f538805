package web

// Routes lists every registered route as "METHOD /path", for the test that
// checks each one against each role.
func (s *Server) Routes() []string {
	var list []string
	for _, r := range s.app.GetRoutes(true) {
		if r.Method == "HEAD" {
			continue // Fiber adds one per GET
		}
		list = append(list, r.Method+" "+r.Path)
	}
	return list
}
