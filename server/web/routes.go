package web

import (
	"time"

	"github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/pprof"
)

// routes lists every endpoint of the application.
func (s *Server) routes() {
	app := s.app
	// Wrong codes and wrong passwords are counted per address; successful
	// requests are not, so a whole conference behind one Wi-Fi address can join.
	guessing := newFailureLimiter(30, time.Minute).handler
	csrf := s.csrfProtection()

	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendString("ok") })
	// The service worker must be served from the root to control /t/ pages.
	app.Get("/sw.js", s.serviceWorker)

	// Participants: no account, a code.
	app.Get("/", s.home)
	app.Get("/join", guessing, s.settle, s.join)
	app.Get("/e/:code", guessing, s.settle, s.pickTable)
	app.Get("/t/:code", guessing, s.settle, s.tablePage)
	app.Get("/ws/table/:code", guessing, s.settle, sameOrigin, s.tableSocketAuth, websocket.New(s.tableSocket, wsConfig))

	// Consultation respondents: no account, a private link (/r/) or the
	// public link (/p/), which hands out a private one.
	app.Get("/p/:token", guessing, s.settle, csrf, s.publicPage)
	app.Post("/p/:token", guessing, s.settle, csrf, s.startSpontaneous)
	app.Get("/p/:token/draft.pdf", guessing, s.settle, s.draftPDFPublic)
	app.Get("/r/:token", guessing, s.settle, csrf, s.respondPage)
	app.Post("/r/:token", guessing, s.settle, csrf, s.respond)
	app.Get("/r/:token/receipt/:version", guessing, s.settle, s.receiptPage)
	app.Get("/r/:token/draft.pdf", guessing, s.settle, s.draftPDFPrivate)
	app.Get("/ws/remiss/:token", guessing, s.settle, sameOrigin, s.respondentSocketAuth, websocket.New(s.respondentSocket, wsConfig))

	// Logging in.
	app.Use(s.loadUser)
	app.Get("/login", csrf, s.loginPage)
	app.Post("/login", guessing, s.settle, csrf, s.login)
	app.Post("/logout", csrf, s.logout)
	app.Get("/setup/:token", guessing, s.settle, csrf, s.setupPage)
	app.Post("/setup/:token", guessing, s.settle, csrf, s.setup)

	// Facilitators.
	app.Get("/ws/workshop/:id", sameOrigin, s.requireLogin, s.dashboardSocketAuth, websocket.New(s.dashboardSocket, wsConfig))
	admin := app.Group("/admin", s.requireLogin, csrf)
	admin.Get("/", s.adminHome)
	admin.Get("/workshops/new", s.newWorkshopPage)
	admin.Post("/workshops", s.createWorkshop)
	admin.Get("/workshops/:id", s.workshopPage)
	admin.Post("/workshops/:id/details", s.updateDetails)
	admin.Post("/workshops/:id/state", s.setState)
	admin.Post("/workshops/:id/questions", s.addQuestion)
	admin.Post("/workshops/:id/questions/:qid", s.editQuestion)
	admin.Post("/workshops/:id/questions/:qid/state", s.setQuestionState)
	admin.Post("/workshops/:id/questions/:qid/move", s.moveQuestion)
	admin.Post("/workshops/:id/themes", s.addTheme)
	admin.Post("/workshops/:id/themes/:tid", s.updateTheme)
	admin.Post("/workshops/:id/themes/:tid/move", s.moveTheme)
	admin.Post("/workshops/:id/themes/:tid/delete", s.deleteTheme)
	admin.Post("/workshops/:id/tables", s.addTables)
	admin.Post("/workshops/:id/tables/:tid", s.renameTable)
	admin.Get("/workshops/:id/dashboard", s.dashboardPage)
	admin.Get("/workshops/:id/projector", s.projectorPage)
	admin.Get("/workshops/:id/print", s.printPage)
	admin.Get("/workshops/:id/qr/:tid.png", s.qr)
	admin.Get("/workshops/:id/export.:format", s.export)
	admin.Get("/users", s.requireAdmin, s.usersPage)

	// Consultations (remisser): the working group's pages. Kept together so
	// that access rules can wrap them in one place.
	app.Get("/ws/consultation/:cid", sameOrigin, s.requireLogin, s.consultationSocketAuth, websocket.New(s.consultationSocket, wsConfig))
	admin.Get("/consultations", s.consultationsPage)
	admin.Get("/consultations/new", s.newConsultationPage)
	admin.Post("/consultations", s.createConsultation)
	admin.Get("/consultations/:cid", s.consultationPage)
	admin.Post("/consultations/:cid/details", s.updateConsultation)
	admin.Post("/consultations/:cid/state", s.setConsultationState)
	admin.Post("/consultations/:cid/pdf", s.attachDraftPDF)
	admin.Post("/consultations/:cid/sections", s.addSection)
	admin.Post("/consultations/:cid/sections/split", s.splitSections)
	admin.Post("/consultations/:cid/sections/:sid", s.editSection)
	admin.Post("/consultations/:cid/sections/:sid/move", s.moveSection)
	admin.Post("/consultations/:cid/sections/:sid/delete", s.deleteSection)
	admin.Post("/consultations/:cid/invitees", s.invite)
	admin.Post("/consultations/:cid/invitees/:rid/reopen", s.reopenRespondent)
	admin.Get("/consultations/:cid/overview", s.overviewPage)
	admin.Get("/consultations/:cid/sections/:sid", s.sectionPage)
	admin.Get("/consultations/:cid/responses/:rid", s.responsePage)
	admin.Get("/consultations/:cid/responses/:rid/v/:version.json", s.versionJSON)
	admin.Get("/consultations/:cid/attachments/:aid", s.attachment)
	admin.Get("/consultations/:cid/report", s.reportPage)
	admin.Get("/consultations/:cid/export.:format", s.remissExport)
	app.Get("/metrics", s.metrics)
	// Profiling, for administrators only (go tool pprof with the session cookie).
	app.Use("/debug/pprof", s.requireLogin, s.requireAdmin, pprof.New())
	admin.Post("/users", s.requireAdmin, s.addUser)
}
