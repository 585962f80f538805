package i18n

import (
	"strconv"
	"time"
	_ "time/tzdata" // servers and containers often lack /usr/share/zoneinfo
)

// Stockholm is the time zone of everything shown to people: times are given
// as the people in the room saw the clock, whatever zone the server runs in.
var Stockholm = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		panic(err) // cannot happen: the zone database is embedded
	}
	return loc
}()

// Date writes an ISO date ("2026-03-15") the plain-language way ("15 mars
// 2026"); anything else is returned as it is.
func Date(lang, iso string) string {
	d, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return strconv.Itoa(d.Day()) + " " + T(lang, "month."+strconv.Itoa(int(d.Month()))) + " " + strconv.Itoa(d.Year())
}

// DateTime writes a moment as "15 mars 2026 kl. 9.05" (Swedish style) in Stockholm time.
func DateTime(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Stockholm)
	return Date(lang, t.Format("2006-01-02")) + " " + T(lang, "time.clock", "h", t.Hour(), "m", t.Format("04"))
}
