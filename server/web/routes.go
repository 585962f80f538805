package web

import (
	"time"

	"github.com/gofiber/fiber/v2/middleware/pprof"

	"github.com/samrad-se/samrad/server/domain"
)

// routes lists every endpoint of the application.
func (s *Server) routes() {
	app := s.app
	// Wrong codes and wrong passwords are counted per address, each on its
	// own; once an address has failed 30 times it is held back, the wait
	// doubling with each further failure (ratelimit.go). Codes of a workshop
	// already reached from the address still work, so the rest of a
	// conference behind one Wi-Fi address goes on. Private links and account
	// links are 256-bit random tokens: they cannot be guessed and are not held back.
	codes := s.codeGuard(newFailureLimiter(30, time.Second, time.Hour, time.Hour))
	passwords := passwordGuard(newFailureLimiter(30, time.Second, time.Hour, time.Hour))
	csrf := s.csrfProtection()

	// Who is logged in, for every route: CSRF tokens belong to a login, and
	// an answer sent from a staff session is recorded as such.
	app.Use(s.loadUser)

	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	// The service worker must be served from the root to control /t/ pages.
	app.Get("/sw.js", s.serviceWorker)
	app.Get("/lang/:lang", s.setLanguage)

	// Participants: no account, a code.
	app.Get("/", s.home)
	app.Get("/join", codes, s.settle, s.join)
	app.Get("/e/:code", codes, s.settle, s.pickTable)
	app.Get("/t/:code", codes, s.settle, s.tablePage)
	app.Get("/ws/table/:code", codes, s.settle, s.socket(s.admitTable))

	// Public pages every footer links to.
	app.Get("/privacy", s.privacyPage)
	app.Get("/cookies", s.cookiesPage)
	app.Get("/accessibility", csrf, s.accessibilityPage)
	app.Post("/accessibility", csrf, s.sendFeedback)

	// Consultation respondents: no account, a private link (/r/) or the
	// public link (/p/), which hands out a private one.
	app.Get("/p/:token", csrf, s.publicPage)
	app.Post("/p/:token", csrf, s.startSpontaneous)
	app.Get("/p/:token/draft.pdf", s.draftPDFPublic)
	app.Get("/r/:token", csrf, s.respondPage)
	app.Post("/r/:token", csrf, s.respond)
	app.Get("/r/:token/receipt/:version", s.receiptPage)
	// Answers published with consent, after the deadline.
	app.Get("/published/:cid", s.publishedList)
	app.Get("/published/:cid/:rid", s.publishedAnswerPage)
	app.Get("/r/:token/draft.pdf", s.draftPDFPrivate)
	app.Get("/ws/remiss/:token", s.socket(s.admitForm))

	// Logging in, and one-time account links (invitations, password resets).
	app.Get("/login", csrf, s.loginPage)
	app.Post("/login", passwords, s.settle, csrf, s.login)
	// The organisation's identity provider (sso.go): failures at the
	// callback count against the address as wrong passwords do.
	app.Get("/login/oidc", s.ssoStart)
	app.Get("/login/oidc/callback", passwords, s.settle, csrf, s.ssoCallback)
	app.Post("/logout", csrf, s.logout)
	app.Get("/setup/:token", csrf, s.setupPage)
	app.Post("/setup/:token", csrf, s.setup)
	app.Get("/account/link/:token", csrf, s.accountLinkPage)
	app.Post("/account/link/:token", csrf, s.useAccountLink)

	// Staff. Each route names who may use it (authz.go decides); :id is the event.
	view, run := s.allow(accessView, domain.KindWorkshop), s.allow(accessRun, domain.KindWorkshop)
	staff, create, admins := s.allow(accessStaff, ""), s.allow(accessCreate, ""), s.allow(accessAdmin, "")
	app.Get("/ws/workshop/:id", view, s.socket(s.admitDashboard))
	admin := app.Group("/admin", s.requireLogin, csrf)
	admin.Get("/", staff, s.adminHome)
	admin.Get("/account", staff, s.accountPage)
	admin.Post("/account/password", staff, s.changePassword)
	admin.Post("/session", staff, s.extendSession)
	admin.Get("/workshops/new", create, s.newWorkshopPage)
	admin.Post("/workshops", create, s.createWorkshop)
	admin.Get("/workshops/:id", view, s.workshopPage)
	admin.Post("/workshops/:id/details", run, s.updateDetails)
	admin.Post("/workshops/:id/state", run, s.setState)
	admin.Post("/workshops/:id/questions", run, s.addQuestion)
	admin.Post("/workshops/:id/questions/:qid", run, s.editQuestion)
	admin.Post("/workshops/:id/questions/:qid/state", run, s.setQuestionState)
	admin.Post("/workshops/:id/questions/:qid/move", run, s.moveQuestion)
	admin.Post("/workshops/:id/questions/:qid/timebox", run, s.setTimebox)
	admin.Post("/workshops/:id/themes", run, s.addTheme)
	admin.Post("/workshops/:id/themes/:tid", run, s.updateTheme)
	admin.Post("/workshops/:id/themes/:tid/move", run, s.moveTheme)
	admin.Post("/workshops/:id/themes/:tid/delete", run, s.deleteTheme)
	admin.Post("/workshops/:id/tables", run, s.addTables)
	admin.Post("/workshops/:id/tables/:tid", run, s.renameTable)
	admin.Post("/workshops/:id/access", run, s.changeAccess)
	admin.Post("/workshops/:id/retention", run, s.setRetention)
	admin.Post("/workshops/:id/sorting", run, s.setAutoSort)
	admin.Post("/workshops/:id/template", run, s.saveTemplate)
	admin.Get("/workshops/new/:tplid", create, s.newFromTemplatePage)
	admin.Post("/workshops/from-template", create, s.createFromTemplate)
	admin.Get("/templates", create, s.templatesPage)
	admin.Post("/templates/:tplid/delete", create, s.deleteTemplate)
	admin.Get("/workshops/:id/dashboard", view, s.dashboardPage)
	admin.Get("/workshops/:id/projector", view, s.projectorPage)
	admin.Get("/workshops/:id/print", view, s.printPage)
	admin.Get("/workshops/:id/qr/:tid.png", view, s.qr)
	admin.Get("/workshops/:id/export.docx", view, s.workshopDOCX)
	admin.Get("/workshops/:id/export.:format", view, s.export)
	admin.Get("/workshops/:id/report", view, s.workshopReportPage)
	admin.Get("/workshops/:id/report.css", view, s.workshopReportCSS)
	admin.Get("/workshops/:id/themes/:tid", view, s.themePage)
	admin.Get("/users", admins, s.usersPage)
	admin.Post("/users", admins, s.inviteUser)
	admin.Post("/users/:uid", admins, s.updateUser)
	admin.Post("/users/:uid/reset", admins, s.resetLink)
	admin.Get("/audit", admins, s.auditPage)
	admin.Get("/audit.csv", admins, s.auditExport)
	admin.Get("/feedback", admins, s.feedbackPage)
	admin.Get("/backup.db", admins, s.downloadBackup)

	// Consultations (remisser): the working group's pages; :cid is the consultation.
	cview, crun := s.allow(accessView, domain.KindConsultation), s.allow(accessRun, domain.KindConsultation)
	app.Get("/ws/consultation/:cid", cview, s.socket(s.admitOverview))
	admin.Get("/consultations", staff, s.consultationsPage)
	admin.Get("/consultations/new", create, s.newConsultationPage)
	admin.Post("/consultations", create, s.createConsultation)
	admin.Get("/consultations/:cid", cview, s.consultationPage)
	admin.Post("/consultations/:cid/details", crun, s.updateConsultation)
	admin.Post("/consultations/:cid/state", crun, s.setConsultationState)
	admin.Post("/consultations/:cid/pdf", crun, s.attachDraftPDF)
	admin.Post("/consultations/:cid/sections", crun, s.addSection)
	admin.Post("/consultations/:cid/sections/split", crun, s.replaceSections)
	admin.Post("/consultations/:cid/sections/:sid", crun, s.editSection)
	admin.Post("/consultations/:cid/sections/:sid/move", crun, s.moveSection)
	admin.Post("/consultations/:cid/sections/:sid/delete", crun, s.deleteSection)
	admin.Post("/consultations/:cid/invitees", crun, s.invite)
	admin.Post("/consultations/:cid/invitees/:rid/reopen", crun, s.reopenRespondent)
	admin.Post("/consultations/:cid/access", crun, s.changeConsultationAccess)
	admin.Post("/consultations/:cid/themes", crun, s.setThemeWorkshop)
	admin.Post("/consultations/:cid/sections/:sid/tag", crun, s.tagComment)
	admin.Get("/consultations/:cid/overview", cview, s.overviewPage)
	admin.Get("/consultations/:cid/sections/:sid", cview, s.sectionPage)
	admin.Get("/consultations/:cid/responses/:rid", cview, s.responsePage)
	admin.Get("/consultations/:cid/responses/:rid/v/:version.json", cview, s.versionJSON)
	admin.Post("/consultations/:cid/responses/:rid/contact", crun, s.removeContactDetails)
	admin.Post("/consultations/:cid/responses/:rid/delete", crun, s.removeSpontaneous)
	admin.Get("/consultations/:cid/attachments/:aid", cview, s.attachment)
	admin.Get("/consultations/:cid/report", cview, s.reportPage)
	admin.Get("/consultations/:cid/report.css", cview, s.reportCSS)
	admin.Get("/consultations/:cid/export.:format", cview, s.remissExport)
	admin.Get("/consultations/:cid/analysis", cview, s.analysisPage)
	admin.Post("/consultations/:cid/analysis/note", crun, s.saveNote)
	admin.Post("/consultations/:cid/analysis/summary", crun, s.saveSummary)
	admin.Post("/consultations/:cid/analysis/import", crun, s.importNotes)
	admin.Get("/consultations/:cid/publish", cview, s.publishPage)
	admin.Get("/consultations/:cid/publish/:rid", cview, s.reviewPage)
	admin.Post("/consultations/:cid/publish/:rid", crun, s.setPublished)
	admin.Post("/consultations/:cid/publish/:rid/redactions", crun, s.addRedaction)
	admin.Post("/consultations/:cid/publish/:rid/redactions/:xid/delete", crun, s.removeRedaction)
	admin.Get("/consultations/:cid/mail", cview, s.consultationMailPage)
	admin.Post("/consultations/:cid/mail/settings", crun, s.setMailSettings)
	admin.Post("/consultations/:cid/mail/invitations", crun, s.sendInvitations)
	admin.Post("/consultations/:cid/mail/:mid/resend", crun, s.resendMail)
	app.Get("/metrics", s.metrics)
	// Profiling, for administrators only (go tool pprof with the session cookie).
	app.Use("/debug/pprof", s.requireLogin, admins, noStore, pprof.New())
}
