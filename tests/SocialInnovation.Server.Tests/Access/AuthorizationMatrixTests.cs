using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Polls;
using SocialInnovation.Selection;
using SocialInnovation.Server.Polls;
using SocialInnovation.Teams;
using SocialInnovation.Server.Tests.Applications;
using SocialInnovation.Invites;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Live;
using SocialInnovation.Server.Tests.Live;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Access;

/// <summary>
/// Every API endpoint and hub method, called anonymously, with a role it does not allow, and by a member
/// of another camp: each is refused (401/403/404) and camp A is unchanged. New endpoints join the
/// matrix by construction; one without a sample request below fails the test until it gets one.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.World world) : IClassFixture<AuthorizationMatrixTests.World>
{
    /// <summary>
    /// The matrix itself: who may call each endpoint, and a valid request for it, so that a refusal can
    /// only come from access. The declared rules must match this table.
    /// </summary>
    private static readonly Dictionary<string, (string Who, object? Body)> Matrix = new()
    {
        ["POST /api/session/organizer"] = ("anyone", null),
        ["POST /api/session/signout"] = ("anyone", null),
        ["POST /api/session/signout-everywhere"] = ("signed-in", null),
        ["POST /api/invites/preview"] = ("anyone", null),
        ["POST /api/invites/redeem"] = ("anyone", null),
        ["GET /api/me"] = ("signed-in", null),
        ["GET /api/session"] = ("anyone", null),
        ["PUT /api/me/language"] = ("signed-in", new SocialInnovation.Server.Languages.ChooseLanguage("ru")),
        ["POST /api/camps/"] = ("platform-organizer", new CreateCamp(new CampDetails("Matrix camp", "Bishkek", new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 3), 30, ["KG"], ["ru"], ["Poverty"]), "matrix-create")),
        ["GET /api/camps/{campId:guid}"] = ("Participant, Mentor, Judge, Organizer, Reviewer", null),
        ["GET /api/camps/{campId:guid}/events"] = ("Participant, Mentor, Judge, Organizer, Reviewer", null),
        ["POST /api/camps/{campId:guid}/phase"] = ("Organizer", new ChangePhase(CampPhase.Draft, CampPhase.Applications, "matrix-phase")),
        ["POST /api/camps/{campId:guid}/teams"] = ("Organizer", new AddTeam("Matrix team", "Corruption", "matrix-team")),
        ["GET /api/camps/{campId:guid}/members"] = ("Organizer", null),
        ["POST /api/camps/{campId:guid}/invites/"] = ("Organizer", new IssueInvite(CampRole.Judge, "Matrix judge", 1, 24, "matrix-invite")),
        ["GET /api/camps/{campId:guid}/invites/"] = ("Organizer", null),
        ["DELETE /api/camps/{campId:guid}/invites/{inviteId:guid}"] = ("Organizer", null),
        ["GET /api/camps/{campId:guid}/application-form"] = ("anyone", null),
        ["POST /api/camps/{campId:guid}/applications"] = ("anyone", null),
        ["POST /api/applications/mine/"] = ("anyone", null),
        ["PUT /api/applications/mine/"] = ("anyone", null),
        ["POST /api/applications/mine/withdraw"] = ("anyone", null),
        ["POST /api/applications/mine/confirm"] = ("anyone", null),
        ["POST /api/applications/mine/decline"] = ("anyone", null),
        ["GET /api/camps/{campId:guid}/selection"] = ("Organizer, Reviewer", null),
        ["PUT /api/camps/{campId:guid}/selection/settings"] = ("Organizer", new ConfigureSelection(SelectionSettings.DefaultPrivacyText, 24, [new CountryQuota("KZ", 0, 1)], 0, "matrix-settings")),
        ["POST /api/camps/{campId:guid}/selection/decisions"] = ("Organizer", new Decide(Guid.Parse("5f0e7c52-9d1c-4f7e-8a55-0c1b2d3e4f50"), DecisionKind.Rejected, 1, "matrix-decide")),
        ["GET /api/camps/{campId:guid}/applications"] = ("Organizer, Reviewer", null),
        ["GET /api/camps/{campId:guid}/applications/{applicationId:guid}"] = ("Organizer, Reviewer", null),
        ["POST /api/camps/{campId:guid}/applications/{applicationId:guid}/reviews"] = ("Organizer, Reviewer", ReviewApplication.Alike(1, "matrix", "matrix-review")),
        ["POST /api/camps/{campId:guid}/polls/"] = ("Organizer", new OpenPoll("Matrix poll", null, 3, "matrix-poll")),
        ["GET /api/camps/{campId:guid}/polls/{pollId:guid}"] = ("Participant, Mentor, Judge, Organizer", null),
        ["POST /api/camps/{campId:guid}/polls/{pollId:guid}/votes"] = ("Participant", new CastDots(new Dictionary<string, int> { ["o1"] = 1 }, "matrix-vote")),
        ["POST /api/camps/{campId:guid}/polls/{pollId:guid}/close"] = ("Organizer", null),
        ["POST /api/camps/{campId:guid}/polls/{pollId:guid}/teams"] = ("Organizer", new FormTeamsFromPoll(1, 5, "matrix-form-teams")),
        ["GET /api/camps/{campId:guid}/teams/{teamId:guid}/"] = ("Participant, Mentor, Judge, Organizer", null),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/join"] = ("Participant", new TeamMembershipChange("matrix-join")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/leave"] = ("team members", new TeamMembershipChange("matrix-leave")),
        // team formation (issue 15)
        ["GET /api/camps/{campId:guid}/teams/{teamId:guid}/people"] = ("Participant, Mentor, Judge, Organizer", null),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/captain"] = ("team members, Organizer", new ChangeCaptain(Guid.NewGuid(), "matrix-captain")),
        ["GET /api/camps/{campId:guid}/team-formation/"] = ("Participant, Mentor, Judge, Organizer", null),
        ["GET /api/camps/{campId:guid}/team-formation/ranking"] = ("Participant", null),
        ["PUT /api/camps/{campId:guid}/team-formation/ranking"] = ("Participant", new RankThemes([Guid.NewGuid()], "matrix-rank")),
        ["POST /api/camps/{campId:guid}/team-formation/suggestion"] = ("Organizer", new SuggestTeams()),
        ["GET /api/camps/{campId:guid}/profile/"] = ("Participant", null),
        ["PUT /api/camps/{campId:guid}/profile/"] = ("Participant", new SocialInnovation.People.SaveSkillProfile("KZ", ["design"], ["ru"])),
        ["POST /api/camps/{campId:guid}/team-formation/publish"] = ("Organizer", new PublishTeams([new TeamAssignment(Guid.NewGuid(), Guid.NewGuid())], 0, "matrix-publish")),
        ["GET /api/camps/{campId:guid}/polls/"] = ("Participant, Mentor, Judge, Organizer", null),
        ["GET /api/camps/{campId:guid}/applications/export"] = ("Organizer", null),
        ["POST /api/camps/{campId:guid}/applications/{applicationId:guid}/link"] = ("Organizer", new SocialInnovation.Server.Selection.ResendLink("matrix-resend")),
        ["POST /api/camps/{campId:guid}/selection/decisions/batch"] = ("Organizer", new DecideMany([new DecisionItem(Guid.Parse("5f0e7c52-9d1c-4f7e-8a55-0c1b2d3e4f50"), DecisionKind.Rejected, 1)], "matrix-decide-many")),
        ["GET /api/camps/{campId:guid}/selection/suggestion"] = ("Organizer", null),
        // selection criteria (issue 15)
        ["GET /api/camps/{campId:guid}/selection/criteria"] = ("Organizer, Reviewer", null),
        ["PUT /api/camps/{campId:guid}/selection/criteria"] = ("Organizer", new SetCriteria([new SelectionCriterion("matrix", "Matrix criterion")], 0, "matrix-criteria")),

        // boards (issue 16)
        ["GET /api/camps/{campId:guid}/teams/{teamId:guid}/board/"] = ("Participant, Mentor, Judge, Organizer", null),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/board/cards"] = ("team members, Organizer", new SocialInnovation.Boards.CreateCard(Guid.Parse("6a1e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), "Matrix card", null, "todo", 1, null, null, "matrix-card")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/board/cards/edit"] = ("team members, Organizer", new SocialInnovation.Boards.EditCard(Guid.Parse("6a1e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), 1, "Matrix card", null, 1, null, null, null, "matrix-edit")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/board/cards/move"] = ("team members, Organizer", new SocialInnovation.Boards.MoveCard(Guid.Parse("6a1e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), 1, "doing", 0, "matrix-move")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/board/cards/comments"] = ("team members, Mentor, Organizer", new SocialInnovation.Boards.CommentCard(Guid.Parse("6a1e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), "Matrix comment", "matrix-comment")),
        ["PUT /api/camps/{campId:guid}/teams/{teamId:guid}/board/columns"] = ("team members, Organizer", new SocialInnovation.Boards.SetColumns(1, [new SocialInnovation.Boards.ColumnSpec("todo", "Matrix", null)], "matrix-columns")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/board/sprint-notes"] = ("team members, Organizer", new SocialInnovation.Boards.WriteSprintNotes(1, 0, "Matrix goal", null, null, "matrix-notes")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/board/presence"] = ("Participant, Mentor, Judge, Organizer", new SocialInnovation.Boards.ReportPresence(null, false)),
        ["GET /api/camps/{campId:guid}/boards/"] = ("Mentor, Organizer", null),
        ["PUT /api/camps/{campId:guid}/boards/plan"] = ("Organizer", new SocialInnovation.Boards.ConfigureBoards(true, true, null, "matrix-plan")),
        ["POST /api/camps/{campId:guid}/boards/sprint"] = ("Organizer", new SocialInnovation.Boards.RunSprint(null, "matrix-sprint")),

        // mentors and artifacts (issue 17)
        ["GET /api/camps/{campId:guid}/mentors/"] = ("Participant, Mentor, Judge, Organizer", null),
        ["GET /api/camps/{campId:guid}/mentors/me"] = ("Mentor", null),
        ["PUT /api/camps/{campId:guid}/mentors/me"] = ("Mentor", new SocialInnovation.Mentors.SaveMentorProfile(["ux"], ["ru"], "Bio", "Mornings", 0, "matrix-mentor-profile")),
        ["POST /api/camps/{campId:guid}/mentors/me/slots"] = ("Mentor", new SocialInnovation.Mentors.PublishSlot(DateTimeOffset.UtcNow.AddDays(1), 30, "matrix-slot")),
        ["POST /api/camps/{campId:guid}/mentors/me/slots/remove"] = ("Mentor", new SocialInnovation.Mentors.RemoveSlot(Guid.NewGuid(), "matrix-slot-remove")),
        ["GET /api/camps/{campId:guid}/mentors/records"] = ("Judge, Organizer", null),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/bookings/"] = ("team members", new SocialInnovation.Mentors.BookSlot(Guid.NewGuid(), Guid.NewGuid(), "matrix-book")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/bookings/cancel"] = ("team members", new SocialInnovation.Mentors.CancelBooking(Guid.NewGuid(), Guid.NewGuid(), "matrix-cancel")),
        ["GET /api/camps/{campId:guid}/queue/"] = ("Participant, Mentor, Judge, Organizer", null),
        ["POST /api/camps/{campId:guid}/queue/take"] = ("Mentor", new SocialInnovation.Mentors.TakeRequest(null, "matrix-take")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/queue/"] = ("team members", new SocialInnovation.Mentors.RaiseHand("Matrix help", ["ux"], "matrix-raise")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/queue/withdraw"] = ("team members", new SocialInnovation.Mentors.WithdrawHand(Guid.NewGuid(), "matrix-withdraw")),
        ["GET /api/camps/{campId:guid}/teams/{teamId:guid}/sessions/"] = ("team members, Mentor, Organizer", null),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/sessions/"] = ("Mentor", new SocialInnovation.Mentors.OpenSession("Matrix session", "matrix-open-session")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/sessions/{sessionId:guid}/notes"] = ("Mentor", new SocialInnovation.Mentors.WriteNotes(Guid.Empty, "n", "", 1, "matrix-notes")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/sessions/{sessionId:guid}/items"] = ("Mentor", new SocialInnovation.Mentors.AddActionItem(Guid.Empty, "Matrix item", "matrix-item")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/sessions/{sessionId:guid}/end"] = ("Mentor", new SocialInnovation.Mentors.EndSession(Guid.Empty, "matrix-end")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/sessions/{sessionId:guid}/tick"] = ("team members", new SocialInnovation.Mentors.TickActionItem(Guid.Empty, Guid.NewGuid(), true, "matrix-tick")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/sessions/{sessionId:guid}/rating"] = ("team members", new SocialInnovation.Mentors.RateSession(Guid.Empty, 5, "", "matrix-rate")),
        ["GET /api/camps/{campId:guid}/teams/{teamId:guid}/artifacts/"] = ("team members, Mentor, Judge, Organizer", null),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/artifacts/uploads"] = ("team members", new SocialInnovation.Artifacts.BeginUpload(SocialInnovation.Artifacts.ArtifactKind.Deck, "deck.pdf", 1000, "matrix-upload")),
        ["GET /api/camps/{campId:guid}/teams/{teamId:guid}/artifacts/uploads/{uploadId:guid}"] = ("team members", null),
        ["PUT /api/camps/{campId:guid}/teams/{teamId:guid}/artifacts/uploads/{uploadId:guid}/blocks/{index:int}"] = ("team members", null),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/artifacts/uploads/{uploadId:guid}/complete"] = ("team members", new SocialInnovation.Artifacts.CompleteUpload(1, "matrix-complete")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/artifacts/judging"] = ("team members", new SocialInnovation.Artifacts.MarkDeckForJudging(Guid.NewGuid(), "matrix-mark")),
        ["POST /api/camps/{campId:guid}/teams/{teamId:guid}/artifacts/{artifactId:guid}/link"] = ("team members, Mentor, Judge, Organizer", null),
        ["GET /api/artifacts/download/{token}"] = ("anyone", null),
        ["GET /api/camps/{campId:guid}/gallery/"] = ("Participant, Mentor, Judge, Organizer", null),
        ["POST /api/camps/{campId:guid}/gallery/publish"] = ("Organizer", new SocialInnovation.Artifacts.PublishGallery(true)),
        ["POST /api/camps/{campId:guid}/gallery/{teamId:guid}/{artifactId:guid}/link"] = ("Participant, Mentor, Judge, Organizer", null),
        ["GET /api/camps/{campId:guid}/mentoring/overview"] = ("Organizer", null),

        // judging (issue 18)
        ["GET /api/camps/{campId:guid}/judging/setup"] = ("Judge, Organizer", null),
        ["PUT /api/camps/{campId:guid}/judging/setup"] = ("Organizer", new SocialInnovation.Judging.ConfigureJudging(SocialInnovation.Judging.Rubric.Default, [], null, [1, 3], 0.2, 0, "matrix-judging-setup")),
        ["POST /api/camps/{campId:guid}/judging/lock"] = ("Organizer", new SocialInnovation.Judging.LockJudging(true, "matrix-judging-lock")),
        ["GET /api/camps/{campId:guid}/judging/leaderboard"] = ("Organizer", null),
        ["POST /api/camps/{campId:guid}/judging/assignments"] = ("Organizer", new SocialInnovation.Judging.AssignTeam(Guid.Parse("6a0e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), null, Guid.NewGuid(), "matrix-judging-assign")),
        ["GET /api/camps/{campId:guid}/judging/scores"] = ("Organizer", null),
        ["GET /api/camps/{campId:guid}/judging/scores.csv"] = ("Organizer", null),
        ["GET /api/camps/{campId:guid}/judging/audit"] = ("Organizer", null),
        ["GET /api/camps/{campId:guid}/judging/sheet"] = ("Judge", null),
        ["POST /api/camps/{campId:guid}/judging/scores"] = ("Judge", new SocialInnovation.Judging.ScoreTeam(Guid.Parse("6a0e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), SocialInnovation.Judging.Rubric.Default.Criteria.ToDictionary(c => c.Id, _ => 5), null, 0, "matrix-judging-score")),
        ["POST /api/camps/{campId:guid}/judging/skips"] = ("Judge", new SocialInnovation.Judging.SkipTeam(Guid.Parse("6a0e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), false, 0, "matrix-judging-skip")),
        ["POST /api/camps/{campId:guid}/judging/undo"] = ("Judge", new SocialInnovation.Judging.UndoScore(Guid.Parse("6a0e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), 1, "matrix-judging-undo")),
        ["POST /api/camps/{campId:guid}/judging/comparisons"] = ("Judge", new SocialInnovation.Judging.CompareTeams(Guid.Parse("6a0e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), Guid.Parse("7b1f8d63-0e2d-4a8f-9b66-1d2c3e4f5a62"), Guid.Parse("6a0e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), 0, "matrix-judging-compare")),
        ["POST /api/camps/{campId:guid}/judging/pair-skips"] = ("Judge", new SocialInnovation.Judging.SkipPair(Guid.Parse("6a0e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), Guid.Parse("7b1f8d63-0e2d-4a8f-9b66-1d2c3e4f5a62"), 0, "matrix-judging-pair-skip")),
        ["POST /api/camps/{campId:guid}/judging/conflicts"] = ("Judge", new SocialInnovation.Judging.DeclareConflict(Guid.Parse("6a0e7c52-9d1c-4f7e-8a55-0c1b2d3e4f51"), "Matrix conflict", "matrix-judging-conflict")),
        ["POST /api/camps/{campId:guid}/audience/polls/"] = ("Organizer", new SocialInnovation.Audience.OpenAudiencePoll("Matrix people's choice", SocialInnovation.Audience.AudiencePollKind.PeoplesChoice, null, 1, false, false, "matrix-audience-poll")),
        ["GET /api/camps/{campId:guid}/audience/polls/"] = ("Organizer", null),
        ["POST /api/camps/{campId:guid}/audience/polls/{pollId:guid}/reveal"] = ("Organizer", null),
        ["GET /api/audience/{code}/"] = ("anyone", null),
        ["POST /api/audience/{code}/votes"] = ("anyone", null),
        ["GET /api/camps/{campId:guid}/results/"] = ("anyone", null),
        ["GET /api/camps/{campId:guid}/results/draft"] = ("Organizer", null),
        ["PUT /api/camps/{campId:guid}/results/draft"] = ("Organizer", new SocialInnovation.Awards.SaveResults([], 1000m, "USD", [], null, SocialInnovation.Awards.RevealOrder.LastToFirst, 0, "matrix-results-save")),
        ["POST /api/camps/{campId:guid}/results/publish"] = ("Organizer", new SocialInnovation.Awards.PublishResults(true, "matrix-results-publish")),
        ["GET /api/camps/{campId:guid}/results/export.csv"] = ("Organizer", null),

        // problem statements (issue 15)
        ["GET /api/camps/{campId:guid}/statements/"] = ("Participant, Mentor, Judge, Organizer", null),
        ["POST /api/camps/{campId:guid}/statements/"] = ("Participant", new SocialInnovation.Statements.ProposeStatement("Matrix problem", "A problem put up by the matrix test.", "Everyone", "matrix-statement")),
        ["POST /api/camps/{campId:guid}/statements/merge"] = ("Organizer", new SocialInnovation.Statements.MergeStatements("s2", "s1", "matrix-statement-merge")),
        ["POST /api/camps/{campId:guid}/statements/themes"] = ("Organizer", new SocialInnovation.Statements.ChooseThemes(1, 5, "matrix-statement-themes")),
    };

    private static string Describe(Server.Access.Access? rule) => rule switch
    {
        Server.Access.Access.Anyone => "anyone",
        Server.Access.Access.SignedIn => "signed-in",
        Server.Access.Access.PlatformOrganizer => "platform-organizer",
        Server.Access.Access.InCamp c => string.Join(", ", Enum.GetValues<CampRole>().Where(c.Roles.Contains)),
        Server.Access.Access.InTeam t => string.Join(", ", new[] { "team members" }.Concat(Enum.GetValues<CampRole>().Where(t.AnyTeam.Contains).Select(r => r.ToString()))),
        _ => "undeclared",
    };

    [Fact]
    public void Every_api_endpoint_declares_exactly_the_access_the_matrix_specifies()
    {
        var declared = ApiEndpoints()
            .Where(e => !e.Pattern.Contains("{**")) // the fallback for unknown API paths
            .ToDictionary(e => e.Name, e => Describe(e.Rule));
        Assert.Equal(Matrix.ToDictionary(m => m.Key, m => m.Value.Who).OrderBy(m => m.Key), declared.OrderBy(d => d.Key));
    }

    [Fact]
    public async Task Every_protected_endpoint_refuses_an_anonymous_caller_with_401()
    {
        var failures = await Refusals(world.Anonymous, _ => true, HttpStatusCode.Unauthorized);
        Assert.Empty(failures);
        await world.AssertCampAUnchanged();
    }

    [Fact]
    public async Task Every_camp_endpoint_refuses_a_role_it_does_not_allow_with_403()
    {
        var failures = new List<string>();
        foreach (var role in Enum.GetValues<CampRole>())
        {
            failures.AddRange(await Refusals(world.MemberOfA[role],
                // The participant of camp A is a member of another team than the one team-scoped paths name.
                rule => rule is Server.Access.Access.InCamp c && !c.Roles.Contains(role) || rule is Server.Access.Access.PlatformOrganizer
                        || rule is Server.Access.Access.InTeam t && !t.AnyTeam.Contains(role),
                HttpStatusCode.Forbidden));
        }
        Assert.Empty(failures);
        await world.AssertCampAUnchanged();
    }

    [Fact]
    public async Task Every_camp_endpoint_refuses_the_organizer_of_another_camp_with_404()
    {
        var failures = await Refusals(world.OrganizerOfB, rule => rule is Server.Access.Access.InCamp or Server.Access.Access.InTeam, HttpStatusCode.NotFound);
        Assert.Empty(failures);
        await world.AssertCampAUnchanged();
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_connections()
    {
        await using var connection = world.Anonymous.Hub();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public void Every_hub_method_declares_who_may_call_it()
    {
        var undeclared = HubMethods()
            .Where(m => m.GetCustomAttribute<CampAccessAttribute>() is null && m.GetCustomAttribute<StreamAccessAttribute>() is null)
            .Select(m => m.Name);
        Assert.Empty(undeclared);
    }

    [Fact]
    public void The_matrix_covers_every_registered_stream_kind()
    {
        // One line per capability's kinds, so parallel work merges cleanly.
        string[] expected =
        [
            "camp", TeamNotesStream.Kind, "poll",
            // boards (issue 16)
            SocialInnovation.Boards.BoardStreams.Kind, SocialInnovation.Boards.PresenceStreams.Kind,
            // mentors and artifacts (issue 17)
            "mentor", "mentoring", "queue", "artifacts", "gallery",
            // team formation (issue 15)
            "teams",
            // judging (issue 18)
            "judging",
            // selection (issue 15)
            "selection",
        ];
        Assert.Equal(expected.Order(), StreamKinds().Select(k => k.Name).Order());
    }

    [Fact]
    public async Task Every_hub_method_refuses_another_camps_organizer_and_disallowed_roles_with_a_typed_error()
    {
        var failures = new List<string>();
        foreach (var method in HubMethods())
        {
            if (method.GetCustomAttribute<CampAccessAttribute>() is { } campRule)
            {
                failures.AddRange(await HubRefusal(world.OrganizerOfB, method, [world.CampA], "camp.unknown"));
                foreach (var role in Enum.GetValues<CampRole>().Where(r => !campRule.Rule.Roles.Contains(r)))
                    failures.AddRange(await HubRefusal(world.MemberOfA[role], method, [world.CampA], "access.role"));
                continue;
            }
            foreach (var kind in StreamKinds())
            {
                var ofA = StreamOf(kind, world.CampA);
                failures.AddRange(await HubRefusal(world.OrganizerOfB, method, Args(method, ofA), "camp.unknown"));
                foreach (var role in Enum.GetValues<CampRole>().Where(r => !kind.Roles.Contains(r)))
                    failures.AddRange(await HubRefusal(world.MemberOfA[role], method, Args(method, ofA), "access.role"));
                // The camp named in the stream is the one checked: camp A's organizer cannot watch camp B's stream.
                failures.AddRange(await HubRefusal(world.MemberOfA[CampRole.Organizer], method, Args(method, StreamOf(kind, world.CampB)), "camp.unknown"));
            }
        }
        Assert.Empty(failures);
        await world.AssertCampAUnchanged();
    }

    [Theory]
    [InlineData(null, "stream.malformed")]
    [InlineData("", "stream.malformed")]
    [InlineData("camp", "stream.malformed")]
    [InlineData("camp:not-a-camp-id", "stream.malformed")]
    [InlineData("camp:{A}:extra/slash", "stream.malformed")]
    [InlineData("Camp {A}", "stream.malformed")]
    [InlineData("nosuchkind:{A}", "stream.unknown")]
    [InlineData("camp:{A}:an-id-the-camp-stream-does-not-take", "stream.unknown")]
    [InlineData("notes:{A}", "stream.unknown")]
    public async Task Every_stream_hub_method_refuses_a_malformed_or_unknown_stream_name(string? name, string code)
    {
        var stream = name?.Replace("{A}", world.CampA.ToString("N"));
        var failures = new List<string>();
        foreach (var method in HubMethods().Where(m => m.GetCustomAttribute<StreamAccessAttribute>() is not null))
            failures.AddRange(await HubRefusal(world.MemberOfA[CampRole.Organizer], method, Args(method, stream), code));
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_stream_kind_can_add_its_own_check_after_the_role()
    {
        var failures = new List<string>();
        foreach (var method in HubMethods().Where(m => m.GetCustomAttribute<StreamAccessAttribute>() is not null))
            failures.AddRange(await HubRefusal(world.MemberOfA[CampRole.Mentor], method,
                Args(method, $"{TeamNotesStream.Kind}:{world.CampA:N}:{TeamNotesStream.ClosedId}"), "notes.closed"));
        Assert.Empty(failures);
    }

    private IEnumerable<IStreamKind> StreamKinds() => world.Host.Services.GetRequiredService<StreamKinds>().All;

    private static string StreamOf(IStreamKind kind, Guid campId) => kind.HasId ? $"{kind.Name}:{campId:N}:open" : $"{kind.Name}:{campId:N}";

    private static object?[] Args(MethodInfo method, string? stream) =>
        method.GetParameters().Select((p, i) => i == 0 ? stream : (object?)null).ToArray();

    private IEnumerable<(string Name, string Method, string Pattern, Server.Access.Access? Rule)> ApiEndpoints() =>
        world.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api") == true && e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m =>
                ($"{m} {e.RoutePattern.RawText}", m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<Server.Access.Access>())));

    private static IEnumerable<MethodInfo> HubMethods() =>
        typeof(CampHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

    private async Task<List<string>> Refusals(ApiClient caller, Func<Server.Access.Access?, bool> applies, HttpStatusCode expected)
    {
        var failures = new List<string>();
        foreach (var (name, method, pattern, rule) in ApiEndpoints().Where(e => e.Rule is not Server.Access.Access.Anyone && applies(e.Rule)))
        {
            var path = pattern.Replace("{campId:guid}", world.CampA.ToString()).Replace("{inviteId:guid}", world.InviteOfA.ToString())
                .Replace("{applicationId:guid}", world.ApplicationOfA.ToString())
                .Replace("{pollId:guid}", world.PollOfA.ToString()).Replace("{teamId:guid}", world.TeamOfA.ToString())
                // Route values of capabilities, one Replace per line:
                // boards (issue 16)

                // mentors and artifacts (issue 17)
                .Replace("{sessionId:guid}", "6a1f0c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b")
                .Replace("{uploadId:guid}", "7b2e1d3f-6c8e-4f90-8b1c-2d3e4f5a6b7c").Replace("{artifactId:guid}", "8c3f2e4a-7d9f-4a01-9c2d-3e4f5a6b7c8d").Replace("{index:int}", "0")

                // judging (issue 18)
                ;
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (Matrix.TryGetValue(name, out var sample) && sample.Body is { } body) request.Content = JsonContent(body);
            var response = await caller.Http.SendAsync(request);
            if (response.StatusCode != expected) failures.Add($"{name}: {(int)response.StatusCode}, expected {(int)expected}");
        }
        return failures;
    }

    private static async Task<List<string>> HubRefusal(ApiClient caller, MethodInfo method, object?[] args, string expectedCode)
    {
        await using var connection = caller.Hub();
        await connection.StartAsync();
        var reply = await connection.InvokeCoreAsync<JsonElement>(method.Name, args);
        var code = reply.GetProperty("error").ValueKind == JsonValueKind.Object ? reply.GetProperty("error").GetProperty("code").GetString() : null;
        return reply.GetProperty("ok").GetBoolean() || code != expectedCode ? [$"{method.Name}: {reply}, expected {expectedCode}"] : [];
    }

    private static HttpContent JsonContent(object body) =>
        System.Net.Http.Json.JsonContent.Create(body, body.GetType(), options: ApiClient.Json);

    /// <summary>Camp A with a member in every role, camp B with its own organizer, and an anonymous browser.</summary>
    public sealed class World : IAsyncLifetime
    {
        public PlatformHost Host { get; private set; } = null!;
        public Guid CampA { get; private set; }
        public Guid CampB { get; private set; }
        public Guid InviteOfA { get; private set; }
        public Guid ApplicationOfA { get; private set; }
        public Guid PollOfA { get; private set; }
        /// <summary>A team of camp A that camp A's participant is not in (they are in another one).</summary>
        public Guid TeamOfA { get; private set; }
        public ApiClient Anonymous { get; private set; } = null!;
        public ApiClient OrganizerOfB { get; private set; } = null!;
        public Dictionary<CampRole, ApiClient> MemberOfA { get; } = [];
        private ApiClient _platformOrganizer = null!;
        private (long Seq, int Invites, int Members, string Selection) _campABefore;

        public async Task InitializeAsync()
        {
            Host = await HostFixture.Shared();
            _platformOrganizer = Host.Client();
            await _platformOrganizer.SignInOrganizer();
            CampA = (await _platformOrganizer.CreateCamp("Camp A")).CampId;
            var campB = CampB = (await _platformOrganizer.CreateCamp("Camp B")).CampId;
            foreach (var role in Enum.GetValues<CampRole>())
            {
                MemberOfA[role] = Host.Client();
                await MemberOfA[role].Redeem((await _platformOrganizer.Invite(CampA, role)).Token!, $"A {role}");
            }
            OrganizerOfB = Host.Client();
            await OrganizerOfB.Redeem((await _platformOrganizer.Invite(campB, CampRole.Organizer)).Token!, "B organizer");
            InviteOfA = (await _platformOrganizer.Invite(CampA, CampRole.Mentor)).Invite.InviteId;
            Anonymous = Host.Client();
            // Camp A takes applications and has one, so the selection endpoints have something to refuse access to.
            await _platformOrganizer.ChangePhase(CampA, CampPhase.Draft, CampPhase.Applications);
            (await Anonymous.Apply(CampA, Applicants.Form(Applicants.NewEmail()))).EnsureSuccessStatusCode();
            ApplicationOfA = (await _platformOrganizer.Get<List<SelectionEntry>>($"/api/camps/{CampA}/applications")).Single().Application.ApplicationId;
            PollOfA = (await _platformOrganizer.Read<PollTally>(await _platformOrganizer.Post($"/api/camps/{CampA}/polls", new OpenPoll("Problems", null, 3, "matrix-world-poll")))).PollId;
            await _platformOrganizer.Post($"/api/camps/{CampA}/teams", new AddTeam("Team one", "Corruption", "matrix-world-team-1"));
            var teams = (await _platformOrganizer.Read<CampSnapshot>(await _platformOrganizer.Post($"/api/camps/{CampA}/teams", new AddTeam("Team two", "Poverty", "matrix-world-team-2")))).Teams;
            TeamOfA = teams.Single(t => t.Name == "Team one").TeamId;
            (await MemberOfA[CampRole.Participant].Post($"/api/camps/{CampA}/teams/{teams.Single(t => t.Name == "Team two").TeamId}/join", new TeamMembershipChange("matrix-world-join"))).EnsureSuccessStatusCode();
            // What each capability needs in camp A (a board, a mentor slot, a judging round):
            // boards (issue 16)

            // mentors and artifacts (issue 17)

            // judging (issue 18)
            _campABefore = await CampAState();
        }

        public async Task AssertCampAUnchanged() => Assert.Equal(_campABefore, await CampAState());

        private async Task<(long, int, int, string)> CampAState()
        {
            var overview = await _platformOrganizer.Get<SelectionOverview>($"/api/camps/{CampA}/selection");
            var entries = await _platformOrganizer.Get<List<SelectionEntry>>($"/api/camps/{CampA}/applications");
            var poll = await _platformOrganizer.Get<PollView>($"/api/camps/{CampA}/polls/{PollOfA}");
            var team = await _platformOrganizer.Get<TeamDetails>($"/api/camps/{CampA}/teams/{TeamOfA}");
            var selection = $"settings v{overview.Settings.Version}; " + string.Join(", ", entries.Select(e => $"{e.Application.ApplicationId}:{e.Status}:v{e.Version}"))
                            + $"; poll v{poll.Tally.Version}; team {team.Members.Count} members";
            // team formation (issue 15): no ranking, publication or captain change got through
            var formation = await _platformOrganizer.Get<FormationStatus>($"/api/camps/{CampA}/team-formation");
            selection += $"; formation v{formation.PublishedVersion}, {formation.Rankings} rankings; captain {team.CaptainId}";
            // selection criteria (issue 15)
            selection += $"; criteria v{(await _platformOrganizer.Get<SelectionCriteria>($"/api/camps/{CampA}/selection/criteria")).Version}";
            // problem statements (issue 15)
            selection += $"; statements v{(await _platformOrganizer.Get<SocialInnovation.Server.Statements.StatementsView>($"/api/camps/{CampA}/statements")).Version}";
            var camp = await _platformOrganizer.Get<CampSnapshot>($"/api/camps/{CampA}");
            var invites = await _platformOrganizer.Get<List<InviteSummary>>($"/api/camps/{CampA}/invites");
            var members = await _platformOrganizer.Get<List<CampMember>>($"/api/camps/{CampA}/members");
            return (camp.Seq, invites.Count(i => !i.Revoked), members.Count, selection);
        }

        /// <summary>The shared node outlives the matrix (camps A and B are its own).</summary>
        public Task DisposeAsync() => Task.CompletedTask;
    }
}
