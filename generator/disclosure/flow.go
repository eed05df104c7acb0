package disclosure

// The audit's arithmetic. A table with its margins is a transportation
// problem: every row's counts add up to its headcount rated, every
// column's agency counts add up to the city's count, each count is a whole
// number at least its lower bound. Its constraint matrix is totally
// unimodular, so the values one hidden count can take are all the whole
// numbers between its smallest and its largest, and both are found with
// maximum flows: from a consistent table, a hidden count can go up by t
// exactly when t units can flow around cycles of hidden cells through it.

// inf is an unbounded capacity (a count can rise as far as the others let it).
const inf = 1 << 40

// graph is a small flow network kept as an edge list; edge i^1 is the
// reverse of edge i.
type graph struct {
	head            []int
	next, to, capOf []int
	// scratch for maxflow
	parent []int
	queue  []int
}

func newGraph(nodes int) *graph {
	g := &graph{head: make([]int, nodes), parent: make([]int, nodes)}
	for i := range g.head {
		g.head[i] = -1
	}
	return g
}

// edge adds u → v with capacity c (and its reverse with 0) and returns
// the forward edge's index.
func (g *graph) edge(u, v, c int) int {
	i := len(g.to)
	g.to, g.capOf, g.next = append(g.to, v, u), append(g.capOf, c, 0), append(g.next, g.head[u], g.head[v])
	g.head[u], g.head[v] = i, i+1
	return i
}

// maxflow sends up to limit units from s to t over the capacities caps
// (changed in place: afterwards they are the residual capacities) and
// returns how many it sent.
func (g *graph) maxflow(caps []int, s, t, limit int) int {
	total := 0
	for total < limit {
		for i := range g.parent {
			g.parent[i] = -1
		}
		g.parent[s] = -2
		g.queue = append(g.queue[:0], s)
		for q := 0; q < len(g.queue) && g.parent[t] == -1; q++ {
			u := g.queue[q]
			for e := g.head[u]; e >= 0; e = g.next[e] {
				if v := g.to[e]; caps[e] > 0 && g.parent[v] == -1 {
					g.parent[v] = e
					g.queue = append(g.queue, v)
				}
			}
		}
		if g.parent[t] == -1 {
			break
		}
		push := limit - total
		for v := t; v != s; v = g.to[g.parent[v]^1] {
			push = min(push, caps[g.parent[v]])
		}
		for v := t; v != s; v = g.to[g.parent[v]^1] {
			caps[g.parent[v]] -= push
			caps[g.parent[v]^1] += push
		}
		total += push
	}
	return total
}

// system is one table as a reader knows it: each row's headcount, the
// cells whose count is known, and a lower bound for every other cell. y
// holds the known counts and, for the unknown ones, a consistent choice
// (the true counts, or what solve found).
type system struct {
	rated []int // per row, the city last
	known [][cols]bool
	y     [][cols]int
	low   [][cols]int
}

func newSystem(rows int) *system {
	return &system{rated: make([]int, rows), known: make([][cols]bool, rows), y: make([][cols]int, rows), low: make([][cols]int, rows)}
}

func (s *system) city() int { return len(s.rated) - 1 }

// solve chooses counts for the unknown cells that satisfy every row,
// column and bound; false when none do. Network: source → agency row
// (its headcount less what is known and the lower bounds), row → column
// for each unknown agency cell, column → sink (the city's known count
// less the column's known part) or, where the city's count is unknown,
// column → sink for what its lower bound needs and column → spare → sink
// for the rest.
func (s *system) solve() bool {
	city := s.city()
	const src = 0
	row := func(r int) int { return 1 + r }
	col := func(j int) int { return 1 + city + j }
	spare, sink := 1+city+cols, 2+city+cols
	g := newGraph(sink + 1)
	supply := 0
	rowEdges := make([][cols]int, city)
	for r := range city {
		a := s.rated[r]
		free := false
		for j := range cols {
			if s.known[r][j] {
				a -= s.y[r][j]
			} else {
				a -= s.low[r][j]
				free = true
			}
		}
		if a < 0 || a > 0 && !free {
			return false
		}
		if a > 0 {
			g.edge(src, row(r), a)
			supply += a
		}
		for j := range cols {
			if !s.known[r][j] {
				rowEdges[r][j] = g.edge(row(r), col(j), inf)
			}
		}
	}
	demand, needs := 0, 0
	for j := range cols {
		fixed := 0
		for r := range city {
			if s.known[r][j] {
				fixed += s.y[r][j]
			} else {
				fixed += s.low[r][j]
			}
		}
		if s.known[city][j] {
			c := s.y[city][j] - fixed
			if c < 0 {
				return false
			}
			g.edge(col(j), sink, c)
			demand += c
			continue
		}
		if m := s.low[city][j] - fixed; m > 0 {
			g.edge(col(j), sink, m)
			needs += m
		}
		g.edge(col(j), spare, inf)
	}
	rest := supply - demand - needs
	if rest < 0 {
		return false
	}
	g.edge(spare, sink, rest)
	caps := append([]int(nil), g.capOf...)
	if g.maxflow(caps, src, sink, supply) != supply || supply != demand+needs+rest {
		return false
	}
	for j := range cols {
		sum := 0
		for r := range city {
			if !s.known[r][j] {
				s.y[r][j] = s.low[r][j] + caps[rowEdges[r][j]^1]
			}
			sum += s.y[r][j]
		}
		if !s.known[city][j] {
			s.y[city][j] = sum
		}
	}
	return true
}

// spread answers, for the unknown cells of a consistent system, how far
// each can go down and up with everything else adjusting.
type spread struct {
	s     *system
	g     *graph
	inc   [][cols]int // per cell, its edges: raise, lower
	dec   [][cols]int
	caps  []int
	nodes int
}

// newSpread builds the cycle network of s (whose y must be consistent).
// Nodes: rows (the city last), then the five columns. Raising an agency
// cell is an edge row → column, lowering it (as far as its lower bound)
// column → row; the city's cells stand on the other side of the column
// equations, so their edges run the other way. A circulation changes no
// row or column total.
func newSpread(s *system) *spread {
	n := len(s.rated)
	sp := &spread{s: s, g: newGraph(n + cols), inc: make([][cols]int, n), dec: make([][cols]int, n), nodes: n + cols}
	for r := range n {
		for j := range cols {
			if s.known[r][j] {
				sp.inc[r][j], sp.dec[r][j] = -1, -1
				continue
			}
			up, down := [2]int{r, n + j}, [2]int{n + j, r}
			if r == n-1 {
				up, down = down, up
			}
			sp.inc[r][j] = sp.g.edge(up[0], up[1], inf)
			sp.dec[r][j] = sp.g.edge(down[0], down[1], s.y[r][j]-s.low[r][j])
		}
	}
	return sp
}

// room returns how far unknown cell (r, j) can go down and up from its
// value in s.y, each counted up to limit.
func (sp *spread) room(r, j, limit int) (down, up int) {
	g, n := sp.g, len(sp.s.rated)
	sp.caps = append(sp.caps[:0], g.capOf...)
	sp.caps[sp.inc[r][j]], sp.caps[sp.dec[r][j]] = 0, 0
	rowNode, colNode := r, n+j
	if r == n-1 {
		rowNode, colNode = colNode, rowNode
	}
	// up: the raise edge rowNode → colNode, back colNode ⇝ rowNode
	up = g.maxflow(sp.caps, colNode, rowNode, limit)
	sp.caps = append(sp.caps[:0], g.capOf...)
	sp.caps[sp.inc[r][j]], sp.caps[sp.dec[r][j]] = 0, 0
	if d := min(limit, sp.s.y[r][j]-sp.s.low[r][j]); d > 0 {
		down = g.maxflow(sp.caps, rowNode, colNode, d)
	}
	return down, up
}
