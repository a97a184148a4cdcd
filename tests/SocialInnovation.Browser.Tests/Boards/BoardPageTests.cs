using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialInnovation.Boards;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Teams;
using SocialInnovation.Testing;
using static SocialInnovation.Browser.Tests.Boards.BoardSetup;

namespace SocialInnovation.Browser.Tests.Boards;

/// <summary>
/// Two teammates on one board, a laptop with a mouse and a 375 px phone with touch: drags, keyboard
/// moves, going offline and coming back, every page checked by axe-core.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardPageTests(BrowserFixture fixture)
{
    private readonly BoardSetup boards = new(fixture);

    [Fact]
    public async Task A_move_by_one_teammate_appears_on_the_others_page_and_a_card_moves_by_keyboard()
    {
        var board = await boards.NewBoard(["Interview 5 teachers", "Опрос родителей"]);
        var commented = (await board.Organizer.Get<BoardView>(board.Path)).Cards.Single(c => c.Title == "Interview 5 teachers");
        await board.Organizer.Read<BoardAck>(await board.Organizer.Post($"{board.Path}/cards/comments", new CommentCard(commented.CardId, "Ask about the bus", Guid.NewGuid().ToString("N"))));
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740, touch: true);
        var aida = await boards.Teammate(laptop, board, "Aida");
        var timur = await boards.Teammate(phone, board, "Timur");

        // Each sees the other on the board.
        await Assertions.Expect(aida.GetByTestId("board-presence")).ToContainTextAsync("Timur", new() { Timeout = 20_000 });
        await Assertions.Expect(timur.GetByTestId("board-presence")).ToContainTextAsync("Aida", new() { Timeout = 20_000 });

        // Aida drags a card by its title with the mouse from "To do" to "In progress"; the drag does not open the card.
        await MouseDrag(aida, Card(aida, "Interview 5 teachers"), aida.GetByTestId("lane-doing"));
        await Assertions.Expect(timur.GetByTestId("lane-doing").GetByText("Interview 5 teachers", Exactly)).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(aida.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        // Timur moves the other card with the keyboard: "Move to…", then "to Review".
        await Card(timur, "Опрос родителей").Locator(".move-toggle").FocusAsync();
        await timur.Keyboard.PressAsync("Enter");
        await Card(timur, "Опрос родителей").Locator("[data-move-to=review]").FocusAsync();
        await timur.Keyboard.PressAsync("Enter");
        await Assertions.Expect(aida.GetByTestId("lane-review").GetByText("Опрос родителей", Exactly)).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByTestId("board-announcer")).ToContainTextAsync("Review");
        // Focus follows the card to its new place, so it can be moved again.
        await Assertions.Expect(Card(timur, "Опрос родителей").Locator(".move-toggle")).ToBeFocusedAsync();

        // The card's comment count has a drawn icon with a name, not an emoji a machine without an emoji font shows as a box.
        await Assertions.Expect(Card(aida, "Interview 5 teachers").GetByRole(AriaRole.Img, new() { Name = "Comments", Exact = true })).ToBeVisibleAsync();
        Assert.False(await aida.EvaluateAsync<bool>("() => /\\p{Extended_Pictographic}/u.test(document.body.innerText)"), "The board shows an emoji");
        await Accessibility.Check(aida, "the board on a laptop");
        await Accessibility.Check(timur, "the board on a phone");
        await Accessibility.FitsWidth(timur, "The board on a 375px phone");
        await Accessibility.WordsWhole(aida, "The board on a laptop");
        await Accessibility.WordsWhole(timur, "The board on a phone");
    }

    [Fact]
    public async Task A_phone_drags_by_touch_goes_offline_moves_a_card_and_both_end_with_the_same_board()
    {
        var board = await boards.NewBoard(["Paper prototype", "Landing page"]);
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740, touch: true);
        var aida = await boards.Teammate(laptop, board, "Aida");
        var timur = await boards.Teammate(phone, board, "Timur");

        await TouchDrag(timur, Card(timur, "Paper prototype"), timur.GetByTestId("lane-review"));
        await Assertions.Expect(aida.GetByTestId("lane-review").GetByText("Paper prototype", Exactly)).ToBeVisibleAsync(Patiently);

        // The board keeps the app and itself on the phone, so that it opens again without a connection (below).
        Assert.True(await timur.EvaluateAsync<bool>("() => navigator.serviceWorker.ready.then(r => r.active !== null)"));
        await phone.SetOfflineAsync(true);
        await Card(timur, "Landing page").Locator(".move-toggle").ClickAsync();
        await Card(timur, "Landing page").Locator("[data-move-to=done]").ClickAsync();
        // Shown at once, kept as pending while offline.
        await Assertions.Expect(timur.GetByTestId("lane-done").GetByText("Landing page", Exactly)).ToBeVisibleAsync();
        await Assertions.Expect(timur.GetByTestId("board-offline")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByTestId("board-pending")).ToHaveTextAsync("1 change waiting to be sent");
        // A reload on weak venue Wi-Fi: the board opens from the phone, the change still shown and waiting.
        await timur.ReloadAsync();
        await Assertions.Expect(timur.GetByTestId("lane-done").GetByText("Landing page", Exactly)).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByTestId("lane-review").GetByText("Paper prototype", Exactly)).ToBeVisibleAsync();
        await Assertions.Expect(timur.GetByTestId("board-pending")).ToHaveTextAsync("1 change waiting to be sent");
        await Assertions.Expect(timur.GetByTestId("board-offline")).ToBeVisibleAsync(Patiently);

        await phone.SetOfflineAsync(false);
        await Assertions.Expect(aida.GetByTestId("lane-done").GetByText("Landing page", Exactly)).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByTestId("board-pending")).ToBeHiddenAsync(new() { Timeout = 20_000 });

        var stored = await board.Organizer.Get<BoardView>(board.Path + "/");
        foreach (var page in new[] { aida, timur })
            foreach (var column in stored.Columns)
                await Assertions.Expect(page.GetByTestId($"lane-{column.ColumnId}").Locator("[data-testid=board-card]")).ToHaveCountAsync(column.CardIds.Count, new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task The_organizers_big_screen_shows_a_move_on_a_teams_board_live()
    {
        var board = await boards.NewBoard(["Interview 5 teachers", "Опрос родителей"]);
        await using var projector = await fixture.NewContext(1920, 1080);
        var screen = await boards.Staff(projector, board, CampRole.Organizer, "Dana");
        await screen.GotoAsync($"/camps/{board.CampId}/boards/screen");
        var team = screen.GetByTestId("screen-Bright Future");
        await Assertions.Expect(team.GetByTestId("screen-count-todo")).ToHaveAttributeAsync("data-count", "2", new() { Timeout = 20_000 });
        await Assertions.Expect(screen.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });

        // A teammate moves a card (here through the API): the projector shows it without a reload.
        var card = (await board.Organizer.Get<BoardView>(board.Path)).Cards.Single(c => c.Title == "Interview 5 teachers");
        (await board.Organizer.Post($"{board.Path}/cards/move", new MoveCard(card.CardId, card.Version, "doing", 0, Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();

        await Assertions.Expect(team.GetByTestId("screen-count-doing")).ToHaveAttributeAsync("data-count", "1", new() { Timeout = 20_000 });
        await Assertions.Expect(team.GetByTestId("screen-count-todo")).ToHaveAttributeAsync("data-count", "1");
        await Accessibility.Check(screen, "the organizer's big screen");
    }

    [Fact]
    public async Task In_Russian_on_a_375px_phone_a_board_with_a_running_sprint_and_the_big_screen_fit_and_keep_their_words_whole()
    {
        // A running sprint with points in it, so the burndown is drawn; the big screen's column tiles carry the
        // longest default name, "К выполнению", which a 5rem tile split in two.
        var board = await boards.NewBoard(["Опрос родителей", "Бумажный прототип"]);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        (await board.Organizer.Http.PutAsJsonAsync($"/api/camps/{board.CampId}/boards/plan", new ConfigureBoards(false, false,
            [new SprintSlot(1, start, start.AddHours(6))], Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        (await board.Organizer.Post($"/api/camps/{board.CampId}/boards/sprint", new RunSprint(1, Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();

        await using var phone = await fixture.NewContext(375, 740, touch: true);
        await Pages.InRussian(phone);
        var organizer = await boards.Staff(phone, board, CampRole.Organizer, "Dana");
        await organizer.GotoAsync(board.Page);
        await Assertions.Expect(organizer.Locator("figure figcaption").First).ToBeVisibleAsync(Patiently);
        await Pages.Checked(organizer, "A board with a running sprint on a 375px phone in Russian");

        await organizer.GotoAsync($"/camps/{board.CampId}/boards/screen");
        var team = organizer.GetByTestId("screen-Bright Future");
        await Assertions.Expect(team.GetByTestId("screen-count-todo")).ToHaveAttributeAsync("data-count", "2", new() { Timeout = 20_000 });
        await Pages.Checked(organizer, "The big screen on a 375px phone in Russian");
        await Accessibility.WordsWhole(organizer, "The big screen on a 375px phone in Russian");
    }

    [Fact]
    public async Task An_organizer_on_a_phone_saves_a_sprint_schedule_and_sees_the_sprints_it_made_and_which_one_runs()
    {
        var board = await boards.NewBoard(["Interview 5 teachers"]);
        await using var phone = await fixture.NewContext(375, 740, touch: true);
        var page = await boards.Staff(phone, board, CampRole.Organizer, "Dana");
        await page.GotoAsync($"/camps/{board.CampId}/boards");
        await Assertions.Expect(page.GetByText("No sprints planned yet.")).ToBeVisibleAsync(Patiently);

        // The form's defaults: four 6-hour sprints from now. The page lists what the server saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        var schedule = page.GetByTestId("schedule").Locator(":scope > li");
        await Assertions.Expect(schedule).ToHaveCountAsync(4, new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("Plan saved.")).ToBeVisibleAsync();
        await Assertions.Expect(schedule.First).ToContainTextAsync("Sprint 1");

        await page.GetByTestId("sprint-start").ClickAsync();
        await Assertions.Expect(schedule.First).ToContainTextAsync("running now", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[aria-current=true]")).ToContainTextAsync("Sprint 1");
        await Accessibility.Check(page, "the organizer's sprint plan on a phone");
        await Accessibility.FitsWidth(page, "The organizer's sprint plan on a 375px phone");
    }

    [Fact]
    public async Task A_team_sets_its_columns_and_a_WIP_limit_on_a_phone_and_a_move_past_the_limit_is_explained()
    {
        var board = await boards.NewBoard(["Paper prototype", "Landing page"]);
        await using var phone = await fixture.NewContext(375, 740, touch: true);
        var timur = await boards.Teammate(phone, board, "Timur");

        // "In progress" (the second column) takes at most one card; the empty "Review" goes, a new column "Testing" comes before "Done".
        await timur.GetByTestId("column-editor").Locator("summary").ClickAsync();
        await timur.GetByLabel("WIP limit").Nth(1).FillAsync("1");
        await timur.GetByRole(AriaRole.Button, new() { Name = "Remove: Review", Exact = true }).ClickAsync();
        await timur.GetByRole(AriaRole.Button, new() { Name = "Add a column", Exact = true }).ClickAsync();
        await timur.GetByLabel("Column 4", new() { Exact = true }).FillAsync("Testing");
        await timur.GetByRole(AriaRole.Button, new() { Name = "Earlier: Testing", Exact = true }).ClickAsync();
        await Accessibility.Check(timur, "the column editor on a phone");
        await Accessibility.FitsWidth(timur, "The column editor on a 375px phone");
        await timur.GetByTestId("columns-save").ClickAsync();

        await Assertions.Expect(timur.GetByText("Columns saved.", new() { Exact = true })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByTestId("lane-doing").Locator(".lane-count")).ToHaveTextAsync("0 of 1", new() { Timeout = 20_000 });
        await Assertions.Expect(timur.Locator(".lane h2")).ToHaveTextAsync(["Backlog 0 cards", "To do 2 cards", "In progress 0 of 1", "Testing 0 cards", "Done 0 cards"]);
        var stored = await board.Organizer.Get<BoardView>(board.Path + "/");
        Assert.Equal(["To do", "In progress", "Testing", "Done"], stored.Columns.Select(c => c.Name));

        // The first card fits; the second is refused and the page says why, and the card goes back.
        foreach (var title in new[] { "Paper prototype", "Landing page" })
        {
            await Card(timur, title).Locator(".move-toggle").ClickAsync();
            await Card(timur, title).Locator("[data-move-to=doing]").ClickAsync();
        }
        await Assertions.Expect(timur.GetByText("Not saved: This column is at its WIP limit: finish a card first.")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByTestId("lane-todo").GetByText("Landing page", Exactly)).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByTestId("lane-doing").GetByText("Paper prototype", Exactly)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_mentor_reads_the_review_and_retrospective_of_an_earlier_sprint_on_a_phone()
    {
        var board = await boards.NewBoard(["Paper prototype"]);
        var api = board.Organizer;
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        (await api.Http.PutAsJsonAsync($"/api/camps/{board.CampId}/boards/plan", new ConfigureBoards(false, false,
            [new SprintSlot(1, start, start.AddHours(6)), new SprintSlot(2, start.AddHours(6), start.AddHours(12))], Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        (await api.Post($"/api/camps/{board.CampId}/boards/sprint", new RunSprint(1, Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        (await api.Post($"{board.Path}/sprint-notes", new WriteSprintNotes(1, 0, "Prototype ready to test", "Mentors: keep it simpler.", "Стендапы начинать вовремя.", Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        (await api.Post($"/api/camps/{board.CampId}/boards/sprint", new RunSprint(2, Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        var card = (await api.Get<BoardView>(board.Path)).Cards.Single();
        (await api.Post($"{board.Path}/cards/edit", new EditCard(card.CardId, card.Version, card.Title, "Cardboard screens", 3, ["design"], null,
            [new ChecklistItem("Sketch the screens", true), new ChecklistItem("Согласие участников", false)], Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();

        await using var phone = await fixture.NewContext(375, 740, touch: true);
        var mentor = await boards.Staff(phone, board, CampRole.Mentor, "Rustam");
        await mentor.GotoAsync(board.Page);

        var notes = mentor.GetByTestId("past-notes");
        await notes.Locator("summary").ClickAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(notes).ToContainTextAsync("Sprint 1");
        await Assertions.Expect(notes).ToContainTextAsync("Mentors: keep it simpler.");
        await Assertions.Expect(notes).ToContainTextAsync("Стендапы начинать вовремя.");
        await Accessibility.Check(mentor, "the board as a mentor on a phone");
        await Accessibility.FitsWidth(mentor, "The board as a mentor on a 375px phone");

        // The card read only: everything the team's form shows, the checklist item by item.
        await Card(mentor, "Paper prototype").Locator(".card-title").ClickAsync();
        var dialog = mentor.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Sketch the screens" })).ToBeCheckedAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Согласие участников" })).Not.ToBeCheckedAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("design");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Textbox, new() { Name = "Title" })).ToHaveCountAsync(0);
        await Accessibility.Check(mentor, "a card read only as a mentor on a phone");
    }

    [Fact]
    public async Task A_conflict_stays_on_the_phone_across_a_reload_until_it_is_dealt_with()
    {
        var board = await boards.NewBoard(["Paper prototype"]);
        await using var phone = await fixture.NewContext(375, 740, touch: true);
        var timur = await boards.Teammate(phone, board, "Timur");
        await Assertions.Expect(timur.GetByTestId("lane-todo").GetByText("Paper prototype", Exactly)).ToBeVisibleAsync(Patiently);
        Assert.True(await timur.EvaluateAsync<bool>("() => navigator.serviceWorker.ready.then(r => r.active !== null)"));

        // Offline, Timur moves the card to Review; meanwhile the organizer moves it to In progress.
        await phone.SetOfflineAsync(true);
        await Card(timur, "Paper prototype").Locator(".move-toggle").ClickAsync();
        await Card(timur, "Paper prototype").Locator("[data-move-to=review]").ClickAsync();
        await Assertions.Expect(timur.GetByTestId("board-pending")).ToHaveTextAsync("1 change waiting to be sent");
        var card = (await board.Organizer.Get<BoardView>(board.Path)).Cards.Single();
        (await board.Organizer.Post($"{board.Path}/cards/move", new MoveCard(card.CardId, card.Version, "doing", 0, Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        await phone.SetOfflineAsync(false);
        await Assertions.Expect(timur.GetByTestId("board-conflicts")).ToContainTextAsync("Paper prototype", new() { Timeout = 20_000 });

        // A reload before dealing with it (natural on weak Wi-Fi) keeps the refused change, ready to apply again.
        await timur.ReloadAsync();
        await Assertions.Expect(timur.GetByTestId("board-conflicts")).ToContainTextAsync("Paper prototype", new() { Timeout = 20_000 });
        await timur.GetByTestId("board-reapply").ClickAsync();
        await Assertions.Expect(timur.GetByTestId("lane-review").GetByText("Paper prototype", Exactly)).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByTestId("board-conflicts")).ToHaveCountAsync(0);
        Assert.Equal("review", (await board.Organizer.Get<BoardView>(board.Path)).Columns.Single(c => c.CardIds.Contains(card.CardId)).ColumnId);

        // Dealt with: the next visit does not bring it back.
        await timur.ReloadAsync();
        await Assertions.Expect(timur.GetByTestId("lane-review").GetByText("Paper prototype", Exactly)).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByTestId("board-conflicts")).ToHaveCountAsync(0);
    }

    private static async Task MouseDrag(IPage page, ILocator card, ILocator lane)
    {
        var from = (await card.Locator(".card-title").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + 4, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        var to = (await lane.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    /// <summary>A finger on the card's handle, moved to the lane and lifted: pointer events as a touch screen sends them.</summary>
    private static async Task TouchDrag(IPage page, ILocator card, ILocator lane)
    {
        await lane.ScrollIntoViewIfNeededAsync();
        var to = (await lane.BoundingBoxAsync())!;
        var handle = card.Locator(".drag-handle");
        var from = (await handle.BoundingBoxAsync())!;
        await handle.EvaluateAsync("""
            (handle, { fx, fy, tx, ty }) => {
              const opts = (x, y) => ({ bubbles: true, cancelable: true, pointerId: 7, pointerType: 'touch', isPrimary: true, button: 0, clientX: x, clientY: y });
              handle.dispatchEvent(new PointerEvent('pointerdown', opts(fx, fy)));
              for (let i = 1; i <= 10; i++) window.dispatchEvent(new PointerEvent('pointermove', opts(fx + (tx - fx) * i / 10, fy + (ty - fy) * i / 10)));
              window.dispatchEvent(new PointerEvent('pointerup', opts(tx, ty)));
            }
            """, new { fx = (double)(from.X + from.Width / 2), fy = (double)(from.Y + from.Height / 2), tx = (double)(to.X + to.Width / 2), ty = (double)(to.Y + to.Height / 2) });
    }
}
