using Microsoft.Playwright;
using SocialInnovation.Boards;
using static SocialInnovation.Browser.Tests.Boards.BoardSetup;

namespace SocialInnovation.Browser.Tests.Boards;

/// <summary>
/// Sprint notes are never written over silently: a teammate's save arriving while someone types is shown
/// beside the typing, which stays, and the person applies theirs again on top of the teammate's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SprintNotesTests(BrowserFixture fixture)
{
    private readonly BoardSetup boards = new(fixture);

    [Fact]
    public async Task A_teammates_notes_saved_while_one_types_on_a_phone_show_beside_the_typing_which_is_then_applied_again()
    {
        var board = await boards.NewBoard(["Paper prototype"]);
        await using var phone = await fixture.NewContext(375, 740, touch: true);
        var aida = await boards.Teammate(phone, board, "Aida");
        await aida.Locator(".sprint-notes summary").ClickAsync();
        await aida.Locator("#sprint-goal").FillAsync("Test the prototype with 5 users");

        // Meanwhile another member of the team (the organizer, through the API) saves the notes Aida opened.
        (await board.Organizer.Post($"{board.Path}/sprint-notes",
            new WriteSprintNotes(1, 0, "Interview teachers", "Mentors: keep it simpler.", null, Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();

        var conflict = aida.GetByTestId("notes-conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Mentors: keep it simpler.", new() { Timeout = 20_000 });
        await Assertions.Expect(conflict).ToContainTextAsync("Interview teachers");
        await Assertions.Expect(aida.Locator("#sprint-goal")).ToHaveValueAsync("Test the prototype with 5 users");
        await Accessibility.Check(aida, "the sprint notes with a teammate's change on a phone");
        await Accessibility.FitsWidth(aida, "The sprint notes with a teammate's change on a 375px phone");

        // By keyboard: her goal is applied again; the review she did not touch is the teammate's.
        await aida.GetByTestId("notes-reapply").FocusAsync();
        await aida.Keyboard.PressAsync("Enter");
        await Assertions.Expect(conflict).ToBeHiddenAsync();
        await Assertions.Expect(aida.Locator("#sprint-review")).ToHaveValueAsync("Mentors: keep it simpler.");
        var stored = await Stored(board, 2);
        Assert.Equal(("Test the prototype with 5 users", "Mentors: keep it simpler."), (stored.Goal, stored.Review));
    }

    /// <summary>Sprint 1 once its notes reach <paramref name="version"/> (the page's save is answered after the click).</summary>
    private static async Task<TeamSprint> Stored(TeamBoard board, long version)
    {
        for (var tries = 0; ; tries++)
        {
            var sprint = (await board.Organizer.Get<BoardView>(board.Path + "/")).Sprints.SingleOrDefault(s => s.Number == 1);
            if (sprint?.NotesVersion >= version || tries == 100) return sprint!;
            await Task.Delay(200);
        }
    }
}
