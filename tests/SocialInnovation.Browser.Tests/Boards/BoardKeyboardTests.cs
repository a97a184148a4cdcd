using Microsoft.Playwright;
using SocialInnovation.Boards;
using static SocialInnovation.Browser.Tests.Boards.BoardSetup;

namespace SocialInnovation.Browser.Tests.Boards;

/// <summary>
/// A teammate with no mouse: only Tab, Shift+Tab, Enter, Space and Escape (and typing a title) edit a card
/// and move it with "Move to…", the single-pointer alternative to dragging (WCAG 2.2 SC 2.5.7).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardKeyboardTests(BrowserFixture fixture)
{
    private readonly BoardSetup boards = new(fixture);

    [Fact]
    public async Task A_teammate_with_only_a_keyboard_edits_a_card_moves_it_to_Review_hears_where_it_went_and_keeps_focus_on_it()
    {
        var board = await boards.NewBoard(["Interview 5 teachers", "Paper prototype"]);
        var card = $"[data-card-id=\"{(await board.Card("Interview 5 teachers")).CardId}\"]";
        await using var laptop = await fixture.NewContext(1280, 800);
        var aida = await boards.Teammate(laptop, board, "Aida");
        var title = aida.Locator($"{card} .card-title");
        var toggle = aida.Locator($"{card} .move-toggle");
        var dialog = aida.Locator("dialog.card-dialog");

        // (a) Open the card, retype its title, save: the dialog closes and focus is back on the card.
        await Pages.TabTo(aida, $"{card} .card-title");
        await aida.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Pages.TabTo(aida, "#card-title");
        await aida.Keyboard.PressAsync("Control+A");
        await aida.Keyboard.TypeAsync("Interview 5 teachers and 3 parents");
        await Pages.TabTo(aida, "dialog form.form button[type=submit]");
        await aida.Keyboard.PressAsync("Space");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(title).ToHaveTextAsync("Interview 5 teachers and 3 parents");
        await Assertions.Expect(title).ToBeFocusedAsync();

        // (b) "Move to…": Escape closes the choices and leaves focus on the button; Space opens them again.
        await aida.Keyboard.PressAsync("Tab");
        await Assertions.Expect(toggle).ToBeFocusedAsync();
        await aida.Keyboard.PressAsync("Enter");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await aida.Keyboard.PressAsync("Escape");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(toggle).ToBeFocusedAsync();
        await aida.Keyboard.PressAsync("Space");
        await Pages.TabTo(aida, $"{card} [data-move-to=review]");
        await aida.Keyboard.PressAsync("Enter");

        // (c) The move is read out, and focus follows the card to Review, ready to move it again.
        await Assertions.Expect(aida.GetByTestId("lane-review").Locator(card)).ToBeVisibleAsync();
        await Assertions.Expect(aida.GetByTestId("board-announcer")).ToHaveTextAsync("“Interview 5 teachers and 3 parents” is now in Review, place 1.");
        await Assertions.Expect(aida.GetByTestId("board-announcer")).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(toggle).ToBeFocusedAsync();

        // Back to the card and into it: its history, written by the server, shows both changes; Escape closes it onto the card.
        await aida.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(title).ToBeFocusedAsync();
        await aida.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog.Locator("ul.history").Last).ToContainTextAsync("Aida moved it to Review", new() { Timeout = 20_000 });
        await Assertions.Expect(dialog.Locator("ul.history").Last).ToContainTextAsync("Aida edited it");
        await Accessibility.Check(aida, "a card's dialog opened by keyboard");
        await aida.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(title).ToBeFocusedAsync();

        var stored = await board.Organizer.Get<BoardView>(board.Path + "/");
        var moved = stored.Cards.Single(c => c.Title == "Interview 5 teachers and 3 parents");
        Assert.Equal([moved.CardId], stored.Columns.Single(c => c.ColumnId == "review").CardIds);
        await Accessibility.Check(aida, "the board after a keyboard move");
    }
}
