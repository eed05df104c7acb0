package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// The SVG that ECharts draws goes into pages verbatim, so it is a trust
// boundary. finish rewrites it for the site (strict CSP, responsive,
// accessible, ids that cannot collide between charts on one page), then
// Check verifies the result against an allow-list; a chart that fails is
// an error and the build stops rather than publish it.

// node is an element or, when name is "", a run of text.
type node struct {
	name     string
	attrs    []xml.Attr // Name.Space holds the raw prefix ("xlink"), not a URL
	children []*node
	text     string
}

// parseSVG reads an SVG into a tree. Comments, processing instructions,
// doctypes and CDATA sections are refused rather than interpreted.
func parseSVG(b []byte) (*node, error) {
	if i := bytes.Index(b, []byte("<!")); i >= 0 {
		if !bytes.HasPrefix(b[i:], []byte("<![CDATA[")) {
			return nil, fmt.Errorf("comments and doctypes are not allowed")
		}
	}
	if bytes.Contains(b, []byte("<?")) {
		return nil, fmt.Errorf("processing instructions are not allowed")
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	var root *node
	var stack []*node
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not well-formed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: qname(t.Name), attrs: append([]xml.Attr(nil), t.Attr...)}
			if len(stack) == 0 {
				if root != nil {
					return nil, fmt.Errorf("more than one root element")
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1].name != qname(t.Name) {
				return nil, fmt.Errorf("unexpected </%s>", qname(t.Name))
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, fmt.Errorf("text outside the root element")
				}
				continue
			}
			p := stack[len(stack)-1]
			p.children = append(p.children, &node{text: string(t)})
		case xml.Comment:
			return nil, fmt.Errorf("comments are not allowed")
		case xml.ProcInst:
			return nil, fmt.Errorf("processing instructions are not allowed")
		case xml.Directive:
			return nil, fmt.Errorf("doctypes and declarations are not allowed")
		}
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("<%s> is not closed", stack[len(stack)-1].name)
	}
	if root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return root, nil
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// Allow-lists: what ECharts' SVG renderer draws for line and bar charts,
// plus <title>. Nothing that runs script, loads a resource or embeds
// another document.
var (
	allowedElements = set("svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
		"text", "tspan", "title", "desc", "defs", "clipPath", "pattern", "linearGradient", "radialGradient", "stop")
	allowedAttrs = set(
		// structure and geometry
		"xmlns", "xmlns:xlink", "id", "viewBox", "preserveAspectRatio", "width", "height",
		"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "dx", "dy",
		"d", "points", "transform", "offset", "href", "xlink:href", "xml:space",
		"clipPathUnits", "patternUnits", "patternContentUnits", "patternTransform",
		"gradientUnits", "gradientTransform", "spreadMethod",
		// presentation
		"fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray",
		"stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "opacity", "paint-order",
		"clip-path", "clip-rule", "stop-color", "stop-opacity", "visibility", "display", "shape-rendering",
		"font-size", "font-family", "font-weight", "font-style", "font-variant", "letter-spacing",
		"text-anchor", "dominant-baseline", "alignment-baseline", "text-decoration",
		// accessibility
		"role", "aria-labelledby", "aria-label", "aria-hidden")
	// styleToAttr are the CSS properties of a style="…" attribute that
	// become presentation attributes of the same name.
	styleToAttr = set("font-size", "font-family", "font-weight", "font-style", "font-variant", "letter-spacing",
		"text-anchor", "dominant-baseline", "text-decoration", "fill", "fill-opacity", "stroke", "stroke-width",
		"stroke-opacity", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
		"stroke-miterlimit", "opacity", "paint-order", "visibility", "display")
	// styleDropped only matter to a pointer: they are left out.
	styleDropped = set("cursor", "pointer-events", "user-select", "-webkit-user-select", "-webkit-tap-highlight-color")
	// dropped attributes: hover classes (their <style> goes), ECharts'
	// hydration metadata, pointer hints.
	droppedAttrs = set("class", "pointer-events", "version", "baseProfile")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

var (
	echartsID = regexp.MustCompile(`^zr\d+-`)
	urlRef    = regexp.MustCompile(`url\(\s*(['"]?)#([^'")\s]+)(['"]?)\s*\)`)
	idChars   = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
)

// localID turns an id ECharts chose ("zr3-c0", numbered by instance, so
// it depends on what the Node process drew before) into one derived from
// the chart ID: deterministic, and unique across charts on a page.
func localID(chartID, id string) string {
	return chartID + "-" + echartsID.ReplaceAllString(id, "")
}

// finish turns ECharts' SVG into the SVG the page carries, and checks it.
func finish(c Chart, raw string) (string, error) {
	root, err := parseSVG([]byte(raw))
	if err != nil {
		return "", unsafe(c.ID, err.Error())
	}
	if root.name != "svg" {
		return "", unsafe(c.ID, fmt.Sprintf("the root element is <%s>, not <svg>", root.name))
	}
	if err := rewrite(c.ID, root, false); err != nil {
		return "", unsafe(c.ID, err.Error())
	}

	// Responsive: the viewBox stays, the fixed size goes, so the chart
	// scales with its container on a phone.
	var attrs []xml.Attr
	hasViewBox := false
	for _, a := range root.attrs {
		switch qname(a.Name) {
		case "width", "height":
			continue
		case "viewBox":
			hasViewBox = true
		}
		attrs = append(attrs, a)
	}
	if !hasViewBox {
		attrs = append(attrs, attr("viewBox", fmt.Sprintf("0 0 %d %d", c.Width, c.Height)))
	}
	titleID := c.ID + "-title"
	root.attrs = append(attrs, attr("width", "100%"), attr("role", "img"), attr("aria-labelledby", titleID))
	title := &node{name: "title", attrs: []xml.Attr{attr("id", titleID)}, children: []*node{{text: c.Description}}}
	root.children = append([]*node{title}, root.children...)

	var b strings.Builder
	b.Grow(len(raw))
	write(&b, root)
	out := b.String()
	if err := Check(c.ID, []byte(out)); err != nil {
		return "", err
	}
	return out, nil
}

func attr(name, value string) xml.Attr {
	return xml.Attr{Name: xml.Name{Local: name}, Value: value}
}

// rewrite edits n and its descendants in place.
func rewrite(chartID string, n *node, inText bool) error {
	var attrs []xml.Attr
	for _, a := range n.attrs {
		name := qname(a.Name)
		switch {
		case droppedAttrs[name] || strings.HasPrefix(name, "ecmeta_"):
			continue
		case name == "style":
			decls, err := styleAttrs(a.Value)
			if err != nil {
				return fmt.Errorf("<%s style=%q>: %v", n.name, a.Value, err)
			}
			// CSS in style="" wins over presentation attributes.
			for _, d := range decls {
				attrs = setAttr(attrs, d)
			}
			continue
		case name == "id":
			a.Value = localID(chartID, a.Value)
		case name == "href" || name == "xlink:href":
			if strings.HasPrefix(a.Value, "#") {
				a.Value = "#" + localID(chartID, a.Value[1:])
			}
		}
		if strings.Contains(a.Value, "url(") {
			a.Value = urlRef.ReplaceAllStringFunc(a.Value, func(m string) string {
				sub := urlRef.FindStringSubmatch(m)
				return "url(#" + localID(chartID, sub[2]) + ")"
			})
		}
		attrs = setAttr(attrs, a)
	}
	n.attrs = attrs

	inText = inText || n.name == "text" || n.name == "title" || n.name == "desc"
	var kids []*node
	for _, k := range n.children {
		switch {
		case k.name == "style":
			// ECharts' SVG carries one <style> of :hover rules for its
			// emphasis states: a static picture has no use for them, and a
			// strict CSP would block them. Anything else is not dropped
			// silently.
			if err := hoverOnly(k); err != nil {
				return err
			}
			continue
		case k.name == "" && !inText && strings.TrimSpace(k.text) == "":
			continue // indentation between elements
		case k.name != "":
			if err := rewrite(chartID, k, inText); err != nil {
				return err
			}
		}
		kids = append(kids, k)
	}
	n.children = kids
	return nil
}

func setAttr(attrs []xml.Attr, a xml.Attr) []xml.Attr {
	for i := range attrs {
		if qname(attrs[i].Name) == qname(a.Name) {
			attrs[i] = a
			return attrs
		}
	}
	return append(attrs, a)
}

// styleAttrs turns "font-size:12px;font-family:sans-serif;" into
// presentation attributes.
func styleAttrs(style string) ([]xml.Attr, error) {
	var out []xml.Attr
	for _, decl := range splitCSS(style, ';') {
		prop, value, ok := strings.Cut(decl, ":")
		prop = strings.ToLower(strings.TrimSpace(prop))
		value = strings.TrimSpace(value)
		if !ok && prop == "" {
			continue
		}
		if !ok || value == "" {
			return nil, fmt.Errorf("cannot read the declaration %q", decl)
		}
		value = strings.TrimSpace(strings.TrimSuffix(value, "!important"))
		switch {
		case styleDropped[prop]:
		case styleToAttr[prop]:
			out = append(out, attr(prop, value))
		default:
			return nil, fmt.Errorf("the CSS property %q has no presentation attribute", prop)
		}
	}
	return out, nil
}

// splitCSS splits at sep outside quotes and parentheses.
func splitCSS(s string, sep byte) []string {
	var parts []string
	var quote byte
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == sep && depth == 0:
			if p := strings.TrimSpace(s[start:i]); p != "" {
				parts = append(parts, p)
			}
			start = i + 1
		}
	}
	if p := strings.TrimSpace(s[start:]); p != "" {
		parts = append(parts, p)
	}
	return parts
}

// hoverOnly accepts a <style> whose every rule applies on :hover only.
func hoverOnly(style *node) error {
	var css strings.Builder
	for _, k := range style.children {
		if k.name != "" {
			return fmt.Errorf("<style> contains <%s>", k.name)
		}
		css.WriteString(k.text)
	}
	for _, block := range strings.Split(css.String(), "}") {
		selectors, _, _ := strings.Cut(block, "{")
		selectors = strings.TrimSpace(selectors)
		if selectors == "" {
			continue
		}
		for _, sel := range strings.Split(selectors, ",") {
			if !strings.HasSuffix(strings.TrimSpace(sel), ":hover") {
				return fmt.Errorf("<style> has a rule for %q that a static chart would lose", strings.TrimSpace(sel))
			}
		}
	}
	return nil
}

// write serialises n. Text and attribute values are always escaped, so no
// name, label or description can become markup, in XML or in an HTML page.
func write(b *strings.Builder, n *node) {
	if n.name == "" {
		escape(b, n.text)
		return
	}
	b.WriteByte('<')
	b.WriteString(n.name)
	for _, a := range n.attrs {
		b.WriteByte(' ')
		b.WriteString(qname(a.Name))
		b.WriteString(`="`)
		escape(b, a.Value)
		b.WriteByte('"')
	}
	if len(n.children) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	for _, k := range n.children {
		write(b, k)
	}
	b.WriteString("</")
	b.WriteString(n.name)
	b.WriteByte('>')
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func escape(b *strings.Builder, s string) { escaper.WriteString(b, s) }

func unsafe(chartID, why string) error {
	return iku.Errorf(iku.Internal, "chart %q fails the SVG safety check, so it is not published: %s", chartID, why)
}

// Check verifies an SVG against the allow-list before it goes into a page:
// only the elements and attributes in the lists, no style attributes or
// elements, no event handlers, no references but to fragments of the same
// SVG ("#id", "url(#id)"), unique ids. The error names the chart.
func Check(chartID string, svg []byte) error {
	root, err := parseSVG(svg)
	if err != nil {
		return unsafe(chartID, err.Error())
	}
	if bytes.Contains(svg, []byte("<![CDATA[")) {
		return unsafe(chartID, "CDATA sections are not allowed")
	}
	if root.name != "svg" {
		return unsafe(chartID, fmt.Sprintf("the root element is <%s>, not <svg>", root.name))
	}
	ids := map[string]bool{}
	var refs []string
	var walk func(n *node) error
	walk = func(n *node) error {
		if n.name == "" {
			return nil
		}
		if !allowedElements[n.name] {
			return fmt.Errorf("<%s> is not an allowed element", n.name)
		}
		for _, a := range n.attrs {
			name := qname(a.Name)
			lower := strings.ToLower(name)
			switch {
			case strings.HasPrefix(lower, "on"):
				return fmt.Errorf("<%s %s> is an event handler", n.name, name)
			case lower == "style":
				return fmt.Errorf("<%s> has a style attribute, which a strict CSP blocks", n.name)
			case !allowedAttrs[name]:
				return fmt.Errorf("<%s %s> is not an allowed attribute", n.name, name)
			}
			v := a.Value
			squashed := strings.ToLower(strings.Map(func(r rune) rune {
				if r <= ' ' || r == 0x7f {
					return -1
				}
				return r
			}, v))
			for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
				if strings.Contains(squashed, scheme) {
					return fmt.Errorf("<%s %s=%q> holds a %s URL", n.name, name, v, strings.TrimSuffix(scheme, ":"))
				}
			}
			switch name {
			case "id":
				if !idChars.MatchString(v) {
					return fmt.Errorf("id %q has characters outside [A-Za-z0-9_.-]", v)
				}
				if ids[v] {
					return fmt.Errorf("id %q is used twice", v)
				}
				ids[v] = true
			case "href", "xlink:href":
				if !strings.HasPrefix(v, "#") || !idChars.MatchString(v[1:]) {
					return fmt.Errorf("<%s %s=%q> points outside the SVG", n.name, name, v)
				}
				refs = append(refs, v[1:])
			case "xmlns":
				if v != "http://www.w3.org/2000/svg" {
					return fmt.Errorf("xmlns=%q is not the SVG namespace", v)
				}
			case "xmlns:xlink":
				if v != "http://www.w3.org/1999/xlink" {
					return fmt.Errorf("xmlns:xlink=%q is not the XLink namespace", v)
				}
			}
			if strings.Contains(squashed, "url(") || strings.Contains(squashed, `\`) {
				rest := urlRef.ReplaceAllStringFunc(v, func(m string) string {
					refs = append(refs, urlRef.FindStringSubmatch(m)[2])
					return ""
				})
				if strings.Contains(strings.ToLower(rest), "url(") || strings.Contains(rest, `\`) {
					return fmt.Errorf("<%s %s=%q> refers to something outside the SVG", n.name, name, v)
				}
			}
			if strings.ContainsAny(squashed, "<>") || strings.Contains(squashed, "expression(") {
				return fmt.Errorf("<%s %s=%q> has markup or a CSS expression in its value", n.name, name, v)
			}
		}
		for _, k := range n.children {
			if err := walk(k); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root); err != nil {
		return unsafe(chartID, err.Error())
	}
	for _, r := range refs {
		if !ids[r] {
			return unsafe(chartID, fmt.Sprintf("it refers to #%s, which it does not define", r))
		}
	}
	return nil
}
