using Microsoft.Playwright;
using SocialInnovation.Boards;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Teams;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Boards;

/// <summary>A camp with one team, "Bright Future", its board's API path and the organizer who made it (signed in through the API).</summary>
public sealed record TeamBoard(Guid CampId, Guid TeamId, string Path, ApiClient Organizer)
{
    /// <summary>The board's page in a browser.</summary>
    public string Page => $"/camps/{CampId}/teams/{TeamId}/board";

    public async Task<BoardCard> Card(string title) => (await Organizer.Get<BoardView>(Path + "/")).Cards.Single(c => c.Title == title);
}

/// <summary>The steps every board test starts with: a team's board with cards in "To do", and people on its page.</summary>
public sealed class BoardSetup(BrowserFixture fixture)
{
    public static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };
    /// <summary>The card's own title, not presence lines that quote it ("Aida is moving “…”").</summary>
    public static readonly LocatorGetByTextOptions Exactly = new() { Exact = true };

    public async Task<TeamBoard> NewBoard(string[] titles)
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("TechBootCamp Dushanbe");
        var teams = (await api.Read<CampSnapshot>(await api.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Bright Future", "Unemployment", Guid.NewGuid().ToString("N"))))).Teams;
        var board = new TeamBoard(camp.CampId, teams.Single().TeamId, $"/api/camps/{camp.CampId}/teams/{teams.Single().TeamId}/board", api);
        foreach (var title in titles)
            await api.Read<BoardAck>(await api.Post($"{board.Path}/cards", new CreateCard(Guid.NewGuid(), title, null, "todo", 3, null, null, Guid.NewGuid().ToString("N"))));
        return board;
    }

    /// <summary>Joins the camp by invite in the browser, joins the team through the API with the page's own cookies, opens the board.</summary>
    public async Task<IPage> Teammate(IBrowserContext context, TeamBoard board, string name)
    {
        var page = await Pages.JoinByInvite(context, (await board.Organizer.Invite(board.CampId, CampRole.Participant)).Link!, name);
        await Pages.JoinTeam(page, board.CampId, board.TeamId);
        await Pages.OpenLive(page, board.Page);
        await Assertions.Expect(page.GetByTestId("board-card").First).ToBeVisibleAsync(Patiently);
        return page;
    }

    /// <summary>An organizer or a mentor of the camp, joined by invite in the browser; the page ends on the camp.</summary>
    public async Task<IPage> Staff(IBrowserContext context, TeamBoard board, CampRole role, string name) =>
        await Pages.JoinByInvite(context, (await board.Organizer.Invite(board.CampId, role)).Link!, name);

    public static ILocator Card(IPage page, string title) => page.GetByTestId("board-card").Filter(new() { HasText = title });
}
