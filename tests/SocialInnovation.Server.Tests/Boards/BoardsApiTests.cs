using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Boards;
using SocialInnovation.Camps;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Teams;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Boards;

/// <summary>A team's board through the real server: HTTP commands, several SignalR watchers, access.</summary>
public sealed class BoardsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private sealed record Team(ApiClient Organizer, Guid CampId, Guid TeamId, ApiClient Aida, ApiClient Timur, ApiClient Outsider)
    {
        public string Path => $"/api/camps/{CampId}/teams/{TeamId}/board";
        public string Stream => BoardStreams.For(CampId, TeamId).ToString();
    }

    private async Task<Team> NewTeam()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var teams = (await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Clean Air", "Environment", Key())))).Teams;
        (await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Open Budget", "Corruption", Key()))).EnsureSuccessStatusCode();
        var teamId = teams.Single().TeamId;
        var aida = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Aida");
        var timur = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Timur");
        var outsider = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Daler");
        foreach (var member in new[] { aida, timur })
            (await member.Post($"/api/camps/{camp.CampId}/teams/{teamId}/join", new TeamMembershipChange(Key()))).EnsureSuccessStatusCode();
        return new Team(organizer, camp.CampId, teamId, aida, timur, outsider);
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    private static async Task<BoardCard> Create(Team team, ApiClient who, string title, string lane = "todo") =>
        (await who.Read<BoardAck>(await who.Post($"{team.Path}/cards", new CreateCard(Guid.NewGuid(), title, null, lane, 3, null, null, Key())))).Card!;

    [Fact]
    public async Task A_move_by_one_teammate_reaches_every_watcher_in_the_same_order()
    {
        var team = await NewTeam();
        await using var aida = await LiveEvents.Connect(team.Aida);
        await using var timur = await LiveEvents.Connect(team.Timur);
        await using var organizer = await LiveEvents.Connect(team.Organizer);
        foreach (var live in new[] { aida, timur, organizer }) Assert.True((await live.Watch(team.Stream)).Ok);

        var card = await Create(team, team.Aida, "Interview 5 teachers");
        var moves = new[] { "doing", "review", "done" };
        var version = card.Version;
        foreach (var lane in moves)
            version = (await team.Aida.Read<BoardAck>(await team.Aida.Post($"{team.Path}/cards/move", new MoveCard(card.CardId, version, lane, 0, Key())))).Card!.Version;

        foreach (var live in new[] { aida, timur, organizer })
        {
            var seen = new List<StreamEnvelope>();
            while (seen.Count < 4) seen.Add(await live.Next(e => e.Stream == team.Stream));
            Assert.Equal(["todo", .. moves], seen.Select(e => e.Kind == BoardEventKinds.CardMoved ? e.Read<CardMoved>().Lane : e.Read<CardChanged>().Lane));
            Assert.Equal(Enumerable.Range(0, 4).Select(i => seen[0].Seq + i), seen.Select(e => e.Seq));
        }
    }

    [Fact]
    public async Task A_watcher_that_was_disconnected_gets_every_move_it_missed_from_its_position()
    {
        var team = await NewTeam();
        var card = await Create(team, team.Aida, "Survey");
        StreamPosition seen;
        await using (var first = await LiveEvents.Connect(team.Timur))
        {
            var watched = await first.Watch(team.Stream);
            seen = new StreamPosition(watched.Value!.Epoch, watched.Value.Seq);
        }
        var moved = await team.Aida.Read<BoardAck>(await team.Aida.Post($"{team.Path}/cards/move", new MoveCard(card.CardId, card.Version, "doing", 0, Key())));
        await team.Aida.Read<BoardAck>(await team.Aida.Post($"{team.Path}/cards/move", new MoveCard(card.CardId, moved.Card!.Version, "review", 0, Key())));

        await using var again = await LiveEvents.Connect(team.Timur);
        var caughtUp = await again.Watch(team.Stream, seen);

        Assert.True(caughtUp.Ok);
        Assert.Equal(["doing", "review"], caughtUp.Value!.Events.Select(e => e.Read<CardMoved>().Lane));
    }

    [Fact]
    public async Task A_stale_move_is_refused_with_the_current_card()
    {
        var team = await NewTeam();
        var card = await Create(team, team.Aida, "Prototype");
        (await team.Timur.Post($"{team.Path}/cards/edit", new EditCard(card.CardId, card.Version, "Paper prototype", "Test with 3 users", 5, null, null, null, Key()))).EnsureSuccessStatusCode();

        var stale = await team.Aida.Post($"{team.Path}/cards/move", new MoveCard(card.CardId, card.Version, "doing", 0, Key()));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<StaleProblem>(ApiClient.Json);
        Assert.Equal("card.stale", problem!.Code);
        Assert.Equal(("Paper prototype", 2L), (problem.Current!.Title, problem.Current.Version));
    }

    [Fact]
    public async Task Stale_sprint_notes_are_refused_with_the_current_notes()
    {
        var team = await NewTeam();
        (await team.Timur.Post($"{team.Path}/sprint-notes", new WriteSprintNotes(1, 0, "Test with 5 users", "Timur's review", null, Key()))).EnsureSuccessStatusCode();

        var stale = await team.Aida.Post($"{team.Path}/sprint-notes", new WriteSprintNotes(1, 0, "Aida's goal", "", "", Key()));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("sprint.notes-stale", problem.GetProperty("code").GetString());
        var current = problem.GetProperty("current");
        Assert.Equal(("Test with 5 users", "Timur's review", 1L),
            (current.GetProperty("goal").GetString(), current.GetProperty("review").GetString(), current.GetProperty("notesVersion").GetInt64()));
    }

    [Fact]
    public async Task Another_team_and_another_camp_cannot_use_or_watch_the_board()
    {
        var team = await NewTeam();
        var other = await NewTeam();
        await using var outsider = await LiveEvents.Connect(team.Outsider);
        // The platform organizer made both camps, so the other camp's organizer is someone invited to it only.
        await using var otherOrganizer = await LiveEvents.Connect(await fixture.Member(other.Organizer, other.CampId, CampRole.Organizer, "Zarina"));

        var outsiderMove = await team.Outsider.Post($"{team.Path}/cards", new CreateCard(Guid.NewGuid(), "Mine", null, "todo", null, null, null, Key()));
        var outsiderRead = await team.Outsider.Http.GetAsync(team.Path);
        var outsiderWatch = await outsider.Watch(team.Stream);
        // A team of another camp, named under this camp's route: the board's own camp is checked.
        var foreignTeam = await team.Organizer.Http.GetAsync($"/api/camps/{team.CampId}/teams/{other.TeamId}/board");
        var foreignStream = await (await LiveEvents.Connect(team.Organizer)).Watch(BoardStreams.For(team.CampId, other.TeamId).ToString());
        var otherCamp = await otherOrganizer.Watch(team.Stream);

        Assert.Equal(HttpStatusCode.Forbidden, outsiderMove.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderRead.StatusCode);
        Assert.Equal("board.private", outsiderWatch.Error?.Code);
        Assert.Equal(HttpStatusCode.NotFound, foreignTeam.StatusCode);
        Assert.Equal("board.unknown", foreignStream.Error?.Code);
        Assert.Equal("camp.unknown", otherCamp.Error?.Code);
    }

    [Fact]
    public async Task When_the_organizer_allows_it_other_participants_may_look_but_not_change()
    {
        var team = await NewTeam();
        (await team.Organizer.Http.PutAsJsonAsync($"/api/camps/{team.CampId}/boards/plan", new ConfigureBoards(false, true, null, Key()), ApiClient.Json)).EnsureSuccessStatusCode();
        await using var outsider = await LiveEvents.Connect(team.Outsider);

        var read = await team.Outsider.Get<BoardView>(team.Path);
        var watch = await outsider.Watch(team.Stream);
        var change = await team.Outsider.Post($"{team.Path}/cards", new CreateCard(Guid.NewGuid(), "Mine", null, "todo", null, null, null, Key()));

        Assert.True(read.Plan.OthersMayView);
        Assert.True(watch.Ok);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
    }

    [Fact]
    public async Task Saving_a_schedule_answers_with_the_sprints_saved_and_the_overview_lists_them_for_the_plan_page()
    {
        // The plan page lists what "Save plan" made from the answer, and on load from the overview.
        var team = await NewTeam();
        var start = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        SprintSlot[] schedule = [new(1, start, start.AddHours(6)), new(2, start.AddHours(6), start.AddHours(12))];
        var answer = await team.Organizer.Http.PutAsJsonAsync($"/api/camps/{team.CampId}/boards/plan",
            new ConfigureBoards(false, true, schedule, Key()), ApiClient.Json);

        Assert.Equal(schedule, (await team.Organizer.Read<CampBoardPlan>(answer)).Schedule);
        Assert.Equal(schedule, (await team.Organizer.Get<BoardsOverviewShape>($"/api/camps/{team.CampId}/boards")).Plan.Schedule);
    }

    [Fact]
    public async Task The_organizer_starts_a_sprint_for_every_team_and_the_overview_shows_each_board()
    {
        var team = await NewTeam();
        var start = DateTimeOffset.UtcNow;
        (await team.Organizer.Http.PutAsJsonAsync($"/api/camps/{team.CampId}/boards/plan",
            new ConfigureBoards(false, false, [new SprintSlot(1, start, start.AddHours(6))], Key()), ApiClient.Json)).EnsureSuccessStatusCode();
        await Create(team, team.Aida, "Interviews");

        (await team.Organizer.Post($"/api/camps/{team.CampId}/boards/sprint", new RunSprint(1, Key()))).EnsureSuccessStatusCode();
        var overview = await team.Organizer.Get<BoardsOverviewShape>($"/api/camps/{team.CampId}/boards");

        Assert.Equal(1, overview.Plan.ActiveSprint);
        Assert.Equal(2, overview.Teams.Count);
        var board = overview.Teams.Single(t => t.TeamId == team.TeamId).Board;
        Assert.Equal(3, board.Sprints.Single().Committed);
    }

    [Fact]
    public async Task Teammates_see_who_is_looking_and_who_is_dragging_and_outsiders_cannot_watch_it()
    {
        var team = await NewTeam();
        var stream = PresenceStreams.For(team.CampId, team.TeamId).ToString();
        await using var aida = await LiveEvents.Connect(team.Aida);
        await using var outsider = await LiveEvents.Connect(team.Outsider);
        Assert.True((await aida.Watch(stream)).Ok);
        var card = Guid.NewGuid();

        (await team.Timur.Post($"{team.Path}/presence", new ReportPresence(card, false))).EnsureSuccessStatusCode();
        var seen = await aida.Next(e => e.Stream == stream && e.Read<BoardPresence>().Watchers.Any(w => w.Dragging == card));
        var refused = await outsider.Watch(stream);
        var outsiderReport = await team.Outsider.Post($"{team.Path}/presence", new ReportPresence(null, false));

        Assert.Equal("Timur", seen.Read<BoardPresence>().Watchers.Single(w => w.Dragging == card).Name);
        Assert.Equal("board.private", refused.Error?.Code);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderReport.StatusCode);
    }

    private sealed record StaleProblem(string? Code, BoardCard? Current);

    [Fact]
    public async Task A_card_takes_long_comments_in_any_script_its_oldest_giving_way_and_stays_editable()
    {
        var team = await NewTeam();
        var card = await Create(team, team.Aida, "Interview notes");
        // 2,000 characters, the longest comment, each written as twelve in the stored JSON: a row of the journal
        // would overflow after ~37 of them if the card kept every comment it may keep.
        var text = string.Concat(Enumerable.Repeat("\U0001F600", BoardLimits.Comment / 2));
        for (var i = 0; i < 45; i++)
            (await team.Aida.Post($"{team.Path}/cards/comments", new CommentCard(card.CardId, text, Key()))).EnsureSuccessStatusCode();

        var edited = await team.Timur.Post($"{team.Path}/cards/edit",
            new EditCard(card.CardId, card.Version, "Interview notes, cleaned up", "Пять интервью с учителями.", 5, null, null, null, Key()));

        edited.EnsureSuccessStatusCode();
        var kept = (await team.Aida.Get<BoardView>(team.Path)).Cards.Single(c => c.CardId == card.CardId);
        Assert.Equal("Interview notes, cleaned up", kept.Title);
        Assert.InRange(kept.Comments.Sum(c => c.Text.Length), 1, SocialInnovation.Grains.Boards.BoardGrain.KeptCommentChars);
    }

    private sealed record TeamBoardShape(Guid TeamId, string Name, BoardView Board);

    private sealed record BoardsOverviewShape(CampBoardPlan Plan, List<TeamBoardShape> Teams);
}
