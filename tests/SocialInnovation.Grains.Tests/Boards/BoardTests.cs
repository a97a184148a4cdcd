using SocialInnovation.Boards;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Boards;
using SocialInnovation.Grains.Tests.Live;
using SocialInnovation.Live;
using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Tests.Boards;

[Collection(ClusterCollection.Name)]
public sealed class BoardTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private static readonly BoardActor Aida = new(Guid.NewGuid(), "Aida");

    private (IBoardGrain Board, Guid CampId, Guid TeamId) NewBoard()
    {
        var (campId, teamId) = (Guid.NewGuid(), Guid.NewGuid());
        return (Grains.Board(campId, teamId), campId, teamId);
    }

    private static async Task<BoardCard> Card(IBoardGrain board, string title, string lane = "todo", int? points = null) =>
        (await board.CreateCard(new CreateCard(Guid.NewGuid(), title, null, lane, points, null, null, NewKey()), Aida)).Ok().Card!;

    private static Task<Outcome<BoardAck>> Move(IBoardGrain board, BoardCard card, string lane, int index = int.MaxValue, string? key = null) =>
        board.MoveCard(new MoveCard(card.CardId, card.Version, lane, index == int.MaxValue ? 99 : index, key ?? NewKey()), Aida);

    private static async Task<IReadOnlyList<Guid>> Lane(IBoardGrain board, string lane)
    {
        var view = await board.GetView();
        return lane == Lanes.Backlog ? view.Backlog : view.Columns.Single(c => c.ColumnId == lane).CardIds;
    }

    [Fact]
    public async Task A_new_board_has_the_default_columns_and_an_empty_backlog()
    {
        var (board, campId, teamId) = NewBoard();

        var view = await board.GetView();

        Assert.Equal(["To do", "In progress", "Review", "Done"], view.Columns.Select(c => c.Name));
        Assert.Equal((campId, teamId), (view.CampId, view.TeamId));
        Assert.Empty(view.Backlog);
    }

    [Fact]
    public async Task Cards_move_between_columns_and_reorder_and_every_change_is_one_event_in_order()
    {
        var (board, _, _) = NewBoard();
        var start = await board.GetView();
        var a = await Card(board, "Interview 5 teachers");
        var b = await Card(board, "Опрос родителей");
        var c = await Card(board, "Paper prototype", Lanes.Backlog);

        (await Move(board, b, "todo", 0)).Ok();
        (await Move(board, c, "doing")).Ok();
        var moved = (await Move(board, a, "doing", 0)).Ok();

        Assert.Equal([b.CardId], await Lane(board, "todo"));
        Assert.Equal([a.CardId, c.CardId], await Lane(board, "doing"));
        Assert.Equal(2, moved.Card!.Version);
        var events = (await board.CatchUp(new StreamPosition(start.Epoch, start.Seq))).Ok().Events;
        Assert.Equal(Enumerable.Range(1, 6).Select(i => start.Seq + i), events.Select(e => e.Seq));
        Assert.Equal([BoardEventKinds.CardCreated, BoardEventKinds.CardCreated, BoardEventKinds.CardCreated,
            BoardEventKinds.CardMoved, BoardEventKinds.CardMoved, BoardEventKinds.CardMoved], events.Select(e => e.Kind));
        Assert.Equal(("doing", 0), (events[^1].Read<CardMoved>().Lane, events[^1].Read<CardMoved>().Index));
        Assert.Equal((moved.Epoch, moved.Seq), (events[^1].Epoch, events[^1].Seq));
    }

    [Fact]
    public async Task A_move_event_carries_only_what_the_move_changed_and_applied_to_the_watchers_card_gives_the_boards_card()
    {
        var (board, _, _) = NewBoard();
        var card = await Card(board, "Interview 5 teachers", points: 3);
        (await board.CommentCard(new CommentCard(card.CardId, "Ask about budgets", NewKey()), Aida)).Ok();
        var before = (await board.GetCard(card.CardId))!;
        var position = await board.GetView();

        var ack = (await Move(board, before, "doing", 0)).Ok();

        var moved = (await board.CatchUp(new StreamPosition(position.Epoch, position.Seq))).Ok().Events.Single();
        Assert.Equal((BoardEventKinds.CardMoved, ack.Seq), (moved.Kind, moved.Seq));
        var change = moved.Read<CardMoved>();
        var now = (await board.GetCard(card.CardId))!;
        Assert.Equal((card.CardId, "doing", 0, "Aida"), (change.CardId, change.Lane, change.Index, change.ByName));
        // What a watcher holding the card before does with the event gives the card the board now has.
        var applied = before with { Version = change.Version, Sprint = change.Sprint, History = [.. before.History, change.Step] };
        Assert.Equal((now.Version, now.Sprint, now.Title, now.Comments.Count), (applied.Version, applied.Sprint, applied.Title, applied.Comments.Count));
        Assert.Equal(now.History, applied.History);
        Assert.DoesNotContain("Ask about budgets", moved.Payload.ToString());
    }

    [Fact]
    public async Task Moving_a_card_past_the_WIP_limit_is_refused()
    {
        var (board, _, _) = NewBoard();
        var view = await board.GetView();
        (await board.SetColumns(new SetColumns(view.ColumnsVersion,
            view.Columns.Select(c => new ColumnSpec(c.ColumnId, c.Name, c.ColumnId == "doing" ? 1 : null)).ToList(), NewKey()), Aida)).Ok();
        var first = await Card(board, "One");
        var second = await Card(board, "Two");
        (await Move(board, first, "doing")).Ok();

        var refused = await Move(board, second, "doing");
        var reorder = await Move(board, (await board.GetCard(first.CardId))!, "doing", 0);

        refused.Refused("board.wip-limit", ErrorKind.Conflict);
        reorder.Ok();
        Assert.Equal([first.CardId], await Lane(board, "doing"));
        Assert.Equal(second.Version, (await board.GetCard(second.CardId))!.Version);
    }

    [Fact]
    public async Task When_the_camp_only_warns_a_move_past_the_WIP_limit_is_made_with_a_warning()
    {
        var (board, _, _) = NewBoard();
        await board.ApplyPlan(CampBoardPlan.Default with { WipWarnOnly = true, Version = 1 });
        var view = await board.GetView();
        (await board.SetColumns(new SetColumns(view.ColumnsVersion,
            view.Columns.Select(c => new ColumnSpec(c.ColumnId, c.Name, c.ColumnId == "doing" ? 1 : null)).ToList(), NewKey()), Aida)).Ok();
        (await Move(board, await Card(board, "One"), "doing")).Ok();

        var warned = (await Move(board, await Card(board, "Two"), "doing")).Ok();

        Assert.Equal("board.wip-limit", warned.Warning);
        Assert.Equal(2, (await Lane(board, "doing")).Count);
    }

    [Fact]
    public async Task A_move_based_on_an_old_version_of_the_card_is_refused_as_stale_and_changes_nothing()
    {
        var (board, _, _) = NewBoard();
        var seen = await Card(board, "Pitch deck");
        var edited = (await board.EditCard(new EditCard(seen.CardId, seen.Version, "Pitch deck v2", "10 slides", 5, ["pitch"], null,
            [new ChecklistItem("Problem slide", true)], NewKey()), Aida)).Ok().Card!;

        var stale = await Move(board, seen, "review");
        var staleEdit = await board.EditCard(new EditCard(seen.CardId, seen.Version, "Mine", null, null, null, null, null, NewKey()), Aida);

        stale.Refused("card.stale", ErrorKind.Conflict);
        staleEdit.Refused("card.stale", ErrorKind.Conflict);
        var current = (await board.GetCard(seen.CardId))!;
        Assert.Equal((edited.Version, "Pitch deck v2", 5), (current.Version, current.Title, current.Points));
        Assert.Equal([seen.CardId], await Lane(board, "todo"));
    }

    [Fact]
    public async Task A_retried_move_with_the_same_key_applies_once_and_a_reused_key_is_refused()
    {
        var (board, _, _) = NewBoard();
        var card = await Card(board, "Landing page");
        var key = NewKey();

        var first = (await Move(board, card, "doing", key: key)).Ok();
        var retry = (await Move(board, card, "doing", key: key)).Ok();
        var reused = await Move(board, card, "review", key: key);

        Assert.Equal(first.Seq, retry.Seq);
        Assert.Equal(2, (await board.GetCard(card.CardId))!.Version);
        reused.Refused("idempotency.reused");
        Assert.Equal([card.CardId], await Lane(board, "doing"));
    }

    [Fact]
    public async Task A_watcher_resyncs_from_its_sequence_number_and_gets_exactly_what_it_missed()
    {
        var (board, _, _) = NewBoard();
        var card = await Card(board, "User interviews");
        var seen = await board.GetView();
        (await Move(board, card, "doing")).Ok();
        (await board.CommentCard(new CommentCard(card.CardId, "Talk to the school director too", NewKey()), Aida)).Ok();

        var missed = (await board.CatchUp(new StreamPosition(seen.Epoch, seen.Seq))).Ok();
        var upToDate = (await board.CatchUp(new StreamPosition(missed.Epoch, missed.Seq))).Ok();
        var otherEpoch = (await board.CatchUp(new StreamPosition(seen.Epoch - 1, seen.Seq))).Ok();

        Assert.Equal([BoardEventKinds.CardMoved, BoardEventKinds.CardCommented], missed.Events.Select(e => e.Kind));
        Assert.Null(missed.Snapshot);
        Assert.Empty(upToDate.Events);
        Assert.Single(otherEpoch.Snapshot!.Read<BoardView>().Cards[0].Comments);
    }

    [Fact]
    public async Task After_a_failed_write_watchers_are_told_to_resync_and_the_board_continues_in_a_new_epoch()
    {
        await using var watcher = await RecordingNode.Register(Fixture);
        var (board, campId, teamId) = NewBoard();
        var stream = BoardStreams.For(campId, teamId).ToString();
        var card = await Card(board, "Budget");
        var before = await board.GetView();

        Fixture.Storage.FailNextWrite(board.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => Move(board, card, "doing"));
        var after = (await Move(board, card, "review")).Ok();

        Assert.True(after.Epoch > before.Epoch);
        Assert.Equal(before.Seq + 1, after.Seq);
        await watcher.WaitFor(stream, e => e.Kind == StreamEnvelope.ResetKind);
        Assert.Equal([card.CardId], await Lane(board, "review"));
        Assert.Empty(await Lane(board, "doing"));
    }

    [Fact]
    public async Task Cards_are_assigned_to_members_of_the_team_only()
    {
        var (board, campId, teamId) = NewBoard();
        var team = Grains.GetGrain<ITeamGrain>(teamId);
        await team.Open(campId, new TeamView(teamId, "Clean Air", "Environment"), 5);
        var timur = Guid.NewGuid();
        await team.Join(timur, "Timur");

        var assigned = await board.CreateCard(new CreateCard(Guid.NewGuid(), "Sensors", null, "todo", 3, null, [timur], NewKey()), Aida);
        var stranger = await board.CreateCard(new CreateCard(Guid.NewGuid(), "Map", null, "todo", 3, null, [Guid.NewGuid()], NewKey()), Aida);

        Assert.Equal([timur], assigned.Ok().Card!.Assignees);
        stranger.Refused("card.assignee");
    }

    [Fact]
    public async Task Columns_are_renamed_added_and_reordered_and_a_column_with_cards_cannot_be_dropped()
    {
        var (board, _, _) = NewBoard();
        var card = await Card(board, "Survey", "review");
        var view = await board.GetView();

        var changed = await board.SetColumns(new SetColumns(view.ColumnsVersion,
            [new("todo", "Backlog of the day", null), new(null, "Testing", 2), new("doing", "Doing", 3), new("review", "Review", null), new("done", "Done", null)], NewKey()), Aida);
        var stale = await board.SetColumns(new SetColumns(view.ColumnsVersion, [new("done", "Done", null)], NewKey()), Aida);
        var dropBusy = await board.SetColumns(new SetColumns(view.ColumnsVersion + 1, [new("todo", "To do", null), new("done", "Done", null)], NewKey()), Aida);

        changed.Ok();
        var columns = (await board.GetView()).Columns;
        Assert.Equal(["Backlog of the day", "Testing", "Doing", "Review", "Done"], columns.Select(c => c.Name));
        Assert.Equal([card.CardId], columns.Single(c => c.Name == "Review").CardIds);
        stale.Refused("board.stale");
        dropBusy.Refused("board.column-not-empty");
    }

    [Fact]
    public async Task The_burndown_counts_the_points_not_done_and_velocity_the_points_done_when_the_sprint_stops()
    {
        var (board, campId, teamId) = NewBoard();
        var plan = Grains.GetGrain<ICampBoardsGrain>(campId);
        var start = DateTimeOffset.UtcNow;
        (await plan.Configure(new ConfigureBoards(false, false, [new SprintSlot(1, start, start.AddHours(6)), new SprintSlot(2, start.AddHours(6), start.AddHours(12))], NewKey()), [teamId])).Ok();
        var three = await Card(board, "Three", "todo", 3);
        var five = await Card(board, "Five", "todo", 5);
        await Card(board, "Later", Lanes.Backlog, 8);

        (await plan.RunSprint(new RunSprint(1, NewKey()), [teamId])).Ok();
        (await Move(board, (await board.GetCard(three.CardId))!, "done")).Ok();
        var afterMove = (await board.GetView()).Sprints.Single(s => s.Number == 1);
        (await plan.RunSprint(new RunSprint(null, NewKey()), [teamId])).Ok();
        var view = await board.GetView();

        Assert.Equal(8, afterMove.Committed);
        Assert.Equal([8, 5], afterMove.Burndown.Select(p => p.Remaining));
        var sprint = view.Sprints.Single(s => s.Number == 1);
        Assert.Equal(3, sprint.Completed);
        Assert.Null(view.Plan.ActiveSprint);
        Assert.DoesNotContain(view.Cards, c => c.CardId == three.CardId);
        Assert.Equal([five.CardId], view.Columns.Single(c => c.ColumnId == "todo").CardIds);
    }

    [Fact]
    public async Task Sprint_notes_keep_the_goal_review_and_retrospective()
    {
        var (board, _, _) = NewBoard();

        (await board.WriteSprintNotes(new WriteSprintNotes(1, 0, "Validate the problem", null, null, NewKey()), Aida)).Ok();
        (await board.WriteSprintNotes(new WriteSprintNotes(1, 1, null, "Demoed to 3 mentors", "Start stand-ups on time", NewKey()), Aida)).Ok();

        var sprint = (await board.GetView()).Sprints.Single();
        Assert.Equal(("Validate the problem", "Demoed to 3 mentors", "Start stand-ups on time", 2L), (sprint.Goal, sprint.Review, sprint.Retro, sprint.NotesVersion));
    }

    [Fact]
    public async Task Sprint_notes_based_on_an_old_version_are_refused_as_stale_and_the_newer_text_stays()
    {
        var (board, _, _) = NewBoard();
        var timursKey = NewKey();
        (await board.WriteSprintNotes(new WriteSprintNotes(1, 0, "Validate the problem", "Timur's review", null, timursKey), Aida)).Ok();

        // Aida opened the notes at version 0 too and saves after Timur.
        var stale = await board.WriteSprintNotes(new WriteSprintNotes(1, 0, "Aida's goal", "Aida's review", "Aida's retro", NewKey()), Aida);
        // Timur's device retries its save (the answer was lost): applied once, not refused as stale.
        var retried = await board.WriteSprintNotes(new WriteSprintNotes(1, 0, "Validate the problem", "Timur's review", null, timursKey), Aida);

        stale.Refused("sprint.notes-stale", ErrorKind.Conflict);
        retried.Ok();
        var current = await board.GetSprint(1);
        Assert.Equal(("Validate the problem", "Timur's review", "", 1L), (current.Goal, current.Review, current.Retro, current.NotesVersion));
        (await board.WriteSprintNotes(new WriteSprintNotes(1, current.NotesVersion, "Aida's goal", null, null, NewKey()), Aida)).Ok(); // reapplied on the current notes
        var reapplied = await board.GetSprint(1);
        Assert.Equal(("Aida's goal", "Timur's review", 2L), (reapplied.Goal, reapplied.Review, reapplied.NotesVersion));
    }

    [Fact]
    public void A_sprint_stored_before_notes_had_a_version_reads_as_version_0()
    {
        const string stored = """{"number":1,"goal":"Old goal","committed":5,"completed":null,"burndown":[],"review":"","retro":""}""";

        var sprint = System.Text.Json.JsonSerializer.Deserialize<TeamSprint>(stored, SocialInnovation.Grains.Common.JsonStateSerializer.Options)!;

        Assert.Equal(("Old goal", 0L), (sprint.Goal, sprint.NotesVersion));
    }
}

[Collection(ClusterCollection.Name)]
public sealed class BoardPresenceTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    [Fact]
    public async Task Presence_lists_who_is_looking_and_dragging_and_forgets_who_left_or_went_quiet()
    {
        var presence = Grains.Presence(Guid.NewGuid(), Guid.NewGuid());
        var (aida, timur) = (Guid.NewGuid(), Guid.NewGuid());
        var card = Guid.NewGuid();

        await presence.Report(aida, "Aida", new ReportPresence(null, false));
        var dragging = await presence.Report(timur, "Timur", new ReportPresence(card, false));
        var left = await presence.Report(timur, "Timur", new ReportPresence(null, true));
        var first = (await presence.CatchUp(null)).Ok();

        Assert.Equal([("Aida", (Guid?)null), ("Timur", card)], dragging.Watchers.Select(w => (w.Name, w.Dragging)));
        Assert.Equal(["Aida"], left.Watchers.Select(w => w.Name));
        Assert.Equal(["Aida"], first.Snapshot!.Read<BoardPresence>().Watchers.Select(w => w.Name));
    }

    [Fact]
    public async Task A_watcher_who_stops_reporting_drops_off_the_board_once_the_expiry_passes_and_watchers_are_told()
    {
        var presence = Grains.Presence(Guid.NewGuid(), Guid.NewGuid());
        var (aida, timur) = (Guid.NewGuid(), Guid.NewGuid());
        await presence.Report(aida, "Aida", new ReportPresence(null, false));
        await presence.Report(timur, "Timur", new ReportPresence(Guid.NewGuid(), false));
        var watched = (await presence.CatchUp(null)).Ok();

        // Timur's phone lost the network (or the tab was closed) mid-drag: no more reports from him, while Aida's keep coming.
        Fixture.Clock.Advance(BoardPresenceGrain.Expiry / 2);
        await presence.Report(aida, "Aida", new ReportPresence(null, false));
        var stillThere = (await presence.CatchUp(null)).Ok().Snapshot!.Read<BoardPresence>();
        Fixture.Clock.Advance(BoardPresenceGrain.Expiry / 2 + TimeSpan.FromSeconds(1));
        var afterExpiry = await presence.Report(aida, "Aida", new ReportPresence(null, false));
        var told = (await presence.CatchUp(new StreamPosition(watched.Epoch, watched.Seq))).Ok();

        Assert.Equal(["Aida", "Timur"], stillThere.Watchers.Select(w => w.Name));
        Assert.Equal(["Aida"], afterExpiry.Watchers.Select(w => w.Name));
        Assert.Equal(["Aida"], told.Events.Last().Read<BoardPresence>().Watchers.Select(w => w.Name));
    }

    [Fact]
    public async Task A_board_everyone_left_without_saying_so_shows_nobody_to_the_next_watcher()
    {
        var presence = Grains.Presence(Guid.NewGuid(), Guid.NewGuid());
        await presence.Report(Guid.NewGuid(), "Aida", new ReportPresence(null, false));
        await presence.Report(Guid.NewGuid(), "Timur", new ReportPresence(null, false));

        Fixture.Clock.Advance(BoardPresenceGrain.Expiry + TimeSpan.FromSeconds(1));
        var next = (await presence.CatchUp(null)).Ok();

        Assert.Empty(next.Snapshot!.Read<BoardPresence>().Watchers);
    }
}
