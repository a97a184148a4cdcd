using Microsoft.Playwright;
using SocialInnovation.Boards;
using SocialInnovation.People;
using static SocialInnovation.Browser.Tests.Boards.BoardSetup;

namespace SocialInnovation.Browser.Tests.Boards;

/// <summary>
/// The organizer's WIP limits: a move past a column's limit is refused and explained in the reader's language,
/// until the organizer lets limits only warn; then the same move is kept and the page warns instead.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WipLimitTests(BrowserFixture fixture)
{
    private readonly BoardSetup boards = new(fixture);

    [Fact]
    public async Task A_move_past_the_organizers_WIP_limit_is_refused_in_Russian_and_only_warned_of_once_the_camp_lets_limits_warn()
    {
        var board = await boards.NewBoard(["Paper prototype", "Landing page"]);
        var first = await board.Card("Paper prototype");
        (await board.Organizer.Post($"{board.Path}/cards/move", new MoveCard(first.CardId, first.Version, "doing", 0, Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740, touch: true);
        await Pages.InRussian(phone);

        // The organizer gives "In progress" a limit of one card in the board's column editor.
        var dana = await boards.Staff(laptop, board, CampRole.Organizer, "Dana");
        await dana.GotoAsync(board.Page);
        await dana.GetByTestId("column-editor").Locator("summary").ClickAsync(new() { Timeout = 20_000 });
        await dana.GetByLabel("WIP limit").Nth(1).FillAsync("1");
        await dana.GetByTestId("columns-save").ClickAsync();
        await Assertions.Expect(dana.GetByText("Columns saved.", new() { Exact = true })).ToBeVisibleAsync(Patiently);
        Assert.Equal(1, (await board.Organizer.Get<BoardView>(board.Path + "/")).Columns.Single(c => c.ColumnId == "doing").WipLimit);

        // A participant on a Russian phone moves a second card there: refused, said why, the card back in "To do".
        var timur = await boards.Teammate(phone, board, "Тимур");
        var doing = timur.GetByTestId("lane-doing");
        await Assertions.Expect(doing.Locator(".lane-count")).ToHaveTextAsync("1 из 1", new() { Timeout = 20_000 });
        await MoveToDoing(timur, "Landing page");
        await Assertions.Expect(timur.GetByText("Не сохранено: В этой колонке достигнут WIP-лимит: сначала завершите карточку.", new() { Exact = true })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByTestId("lane-todo").GetByText("Landing page", Exactly)).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(doing.GetByTestId("board-card")).ToHaveCountAsync(1);
        // Said where the person is (the bottom of the screen, not the page's top ~860 px above), read out, and focus
        // followed the card back to "To do".
        var notice = timur.GetByTestId("board-notice");
        await Assertions.Expect(notice).ToBeInViewportAsync();
        await Assertions.Expect(notice.GetByRole(AriaRole.Status)).ToContainTextAsync("Не сохранено");
        await Assertions.Expect(Card(timur, "Landing page").Locator(".move-toggle")).ToBeFocusedAsync();
        await Pages.Checked(timur, "A refused move on a 375px phone in Russian");
        await notice.GetByRole(AriaRole.Button, new() { Name = "Скрыть", Exact = true }).ClickAsync();
        await Assertions.Expect(notice.GetByRole(AriaRole.Status)).ToBeEmptyAsync();
        await Assertions.Expect(Card(timur, "Landing page").Locator(".move-toggle")).ToBeFocusedAsync();

        // The organizer lets WIP limits only warn, on the camp's plan form.
        await dana.GotoAsync($"/camps/{board.CampId}/boards");
        await dana.GetByLabel("WIP limits only warn").CheckAsync(new() { Timeout = 20_000 });
        await dana.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await Assertions.Expect(dana.GetByText("Plan saved.", new() { Exact = true })).ToBeVisibleAsync(Patiently);

        // The same move is kept now, with a warning instead of the refusal.
        await MoveToDoing(timur, "Landing page");
        await Assertions.Expect(timur.GetByText("В «В работе» превышен WIP-лимит.", new() { Exact = true })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(timur.GetByText("Не сохранено")).ToBeHiddenAsync();
        await Assertions.Expect(doing.GetByText("Landing page", Exactly)).ToBeVisibleAsync();
        await Assertions.Expect(doing.Locator(".lane-count")).ToHaveTextAsync("2 из 1");
        await Assertions.Expect(doing.Locator(".lane-count")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bover\b"));
        var stored = await board.Organizer.Get<BoardView>(board.Path + "/");
        Assert.Equal(2, stored.Columns.Single(c => c.ColumnId == "doing").CardIds.Count);
        await Pages.Checked(timur, "A move past the WIP limit, warned of, on a 375px phone in Russian");

        // On a 1280 px laptop the lanes' "Новая карточка" field shows its placeholder (its only visible label) whole.
        await timur.SetViewportSizeAsync(1280, 800);
        foreach (var lane in new[] { "backlog", "todo" })
        {
            var field = timur.GetByTestId($"add-card-{lane}");
            await Assertions.Expect(field).ToHaveAttributeAsync("placeholder", "Новая карточка");
            Assert.True(await field.EvaluateAsync<bool>(PlaceholderFits), $"The {lane} lane's new card field cuts its placeholder at 1280 px");
        }
    }

    private const string PlaceholderFits = """
        input => {
          const style = getComputedStyle(input);
          const text = document.createElement('canvas').getContext('2d');
          text.font = style.font;
          return text.measureText(input.placeholder).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) <= input.clientWidth;
        }
        """;

    private static async Task MoveToDoing(IPage page, string title)
    {
        await Card(page, title).Locator(".move-toggle").ClickAsync();
        await Card(page, title).Locator("[data-move-to=doing]").ClickAsync();
    }
}
