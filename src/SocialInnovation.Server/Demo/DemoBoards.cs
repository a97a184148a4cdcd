using SocialInnovation.Boards;
using SocialInnovation.Camps;
using SocialInnovation.Platform;
using SocialInnovation.Server.Camps;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Server.Invites;
using SocialInnovation.Server.Teams;
using SocialInnovation.People;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Demo;

/// <summary>
/// Gives the five teams of "TechBootCamp demo" the boards a camp has on its third sprint: a schedule of
/// four 6-hour sprints (the first began 12 hours ago), sprints 1 and 2 done (velocity), sprint 3 running
/// with cards in every column, a backlog, comments and checklists, titles in Russian and English. The teams'
/// members are the camp's participants who voted on the problems (<see cref="DemoStatements.Voters"/>, three
/// a team): they made the cards and moves the history shows, and the cards are assigned to them.
/// Seeded once: a camp whose boards already have a plan is left as it is (its teams still get their members).
/// </summary>
public sealed class DemoBoards(IGrainFactory grains, PlatformSettings settings, TimeProvider clock, InviteLinks links, DemoConsole console) : IHostedService
{

    /// <summary>Per team: the cards of sprint 1, sprint 2, sprint 3 and the backlog, as (title, points).</summary>
    private static readonly Dictionary<string, (string Title, int Points)[]> Cards = new()
    {
        ["Open Budget"] = [("Interview 5 school accountants", 3), ("Карта бюджетных данных района", 5), ("Problem statement", 2),
            ("Прототип страницы «Куда идут налоги»", 5), ("Scrape the 2025 district budget PDF", 3), ("User test with 3 parents", 3),
            ("Инфографика по расходам на школы", 3), ("Share button for Telegram", 2), ("Pitch deck: problem slide", 2),
            ("Тексты на таджикском", 3), ("Feedback form", 2), ("Партнёрство с НКО", 5)],
        ["First Job"] = [("Survey 20 graduates", 3), ("Список работодателей Душанбе", 3), ("Persona: first-job seeker", 2),
            ("Прототип профиля выпускника", 5), ("CV template in Tajik and Russian", 3), ("Матчинг навыков и вакансий", 8),
            ("Test with a career centre", 3), ("SMS-уведомления о вакансиях", 5), ("Pitch: market size", 2),
            ("Мини-курс «Первое собеседование»", 5), ("Employer sign-up page", 3), ("Отзывы работодателей", 3)],
        ["Fair Share"] = [("Map food banks in the city", 3), ("Интервью с семьями", 3), ("Problem tree", 2),
            ("Прототип заявки на помощь", 5), ("Volunteer schedule", 3), ("Учёт раздач без бумаги", 5),
            ("Privacy: what we never store", 2), ("Чат-бот в Telegram", 5), ("Pitch: impact numbers", 3),
            ("Договорённость с махаллой", 3), ("Offline mode for volunteers", 5), ("Отчёт для доноров", 3)],
        ["Clean Air"] = [("Buy and test 2 PM2.5 sensors", 5), ("Карта котельных", 3), ("Problem statement", 2),
            ("Прототип карты качества воздуха", 5), ("Data from the hydromet service", 3), ("Оповещение для родителей", 3),
            ("Test sensor on a school roof", 3), ("Лендинг проекта", 2), ("Pitch: health costs", 3),
            ("Калибровка датчиков", 5), ("Open data API", 5), ("Партнёрство с мэрией", 3)],
        ["Clinic Finder"] = [("List clinics with opening hours", 3), ("Интервью с медсёстрами", 3), ("Persona: mother of two", 2),
            ("Прототип поиска клиники", 5), ("Queue length reports", 5), ("Карта аптек", 3),
            ("Usability test with 5 people", 3), ("Версия для кнопочных телефонов (USSD)", 8), ("Pitch: the user's journey", 2),
            ("Отзывы пациентов", 3), ("Doctors' availability feed", 5), ("Проверка данных с минздравом", 3)],
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.SeedDemo) return;
        var organizerId = await grains.GetGrain<IPlatformGrain>(IPlatformGrain.Key).GetOrganizerId();
        if (organizerId is null) return;
        var campId = CampCreation.IdFor(organizerId.Value, DemoCamp.Key);
        var plan = grains.GetGrain<ICampBoardsGrain>(campId);
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return;
        var teams = camp.Teams.Where(t => Cards.ContainsKey(t.Name)).ToList();
        var ids = teams.Select(t => t.TeamId).ToList();
        var members = await PlaceMembers(campId, teams);
        PrintLinks(campId, teams);
        if ((await plan.GetPlan()).Version > 0) return;

        var hour = TimeSpan.FromHours(1);
        var now = clock.GetUtcNow();
        var first = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero) - 12 * hour;
        var schedule = Enumerable.Range(0, 4).Select(i => new SprintSlot(i + 1, first + i * 6 * hour, first + (i + 1) * 6 * hour)).ToList();
        Ok(await plan.Configure(new ConfigureBoards(false, true, schedule, "demo-boards-plan"), ids));

        var boards = new List<SeededBoard>();
        for (var b = 0; b < teams.Count; b++)
        {
            var seeded = new SeededBoard(grains.Board(campId, teams[b].TeamId), members[b]);
            var cards = Cards[teams[b].Name];
            for (var i = 0; i < cards.Length; i++)
                seeded.Made.Add(Ok(await seeded.Board.CreateCard(new CreateCard(DemoId(campId, cards[i].Title), cards[i].Title, null,
                    i < 3 ? "todo" : Lanes.Backlog, cards[i].Points, Labels(i), [seeded.AssigneeOf(i).PersonId], $"demo-card-{i}"), seeded.Member(i))).Card!);
            boards.Add(seeded);
        }

        Ok(await plan.RunSprint(new RunSprint(1, "demo-sprint-1"), ids));
        foreach (var seeded in boards)
        {
            for (var i = 0; i < 3; i++) await seeded.Move(i, "done");
            for (var i = 3; i < 6; i++) await seeded.Move(i, "todo");
        }
        Ok(await plan.RunSprint(new RunSprint(2, "demo-sprint-2"), ids));
        foreach (var seeded in boards)
        {
            await seeded.Move(3, "done");
            await seeded.Move(4, "done");
            await seeded.Move(5, "doing");
            for (var i = 6; i < 9; i++) await seeded.Move(i, "todo");
            Ok(await seeded.Board.WriteSprintNotes(new WriteSprintNotes(2, 0, "Прототип готов к тесту с пользователями",
                "Showed the prototype to two mentors: keep it simpler.", "Стендапы начинать вовремя; меньше задач в работе.", "demo-notes-2"), seeded.Member(0)));
        }
        Ok(await plan.RunSprint(new RunSprint(3, "demo-sprint-3"), ids));
        foreach (var seeded in boards)
        {
            var board = seeded.Board;
            await seeded.Move(5, "done"); // carried over from sprint 2 and finished now: the burndown's first step down
            await seeded.Move(6, "doing");
            await seeded.Move(7, "review");
            var card = (await board.GetCard(seeded.Made[6].CardId))!;
            Ok(await board.EditCard(new EditCard(card.CardId, card.Version, card.Title, "Договориться заранее, взять согласие на запись.", card.Points, card.Labels, card.Assignees,
                [new ChecklistItem("Questions ready", true), new ChecklistItem("Согласие участников", false), new ChecklistItem("Notes shared", false)], "demo-edit-6"), seeded.Member(1)));
            Ok(await board.CommentCard(new CommentCard(card.CardId, "From our mentor: ask about the last time it happened, not opinions.", "demo-comment-6"), seeded.Member(2)));
            Ok(await board.WriteSprintNotes(new WriteSprintNotes(3, 0, "Test the prototype with 5 real users", null, null, "demo-notes-3"), seeded.Member(0)));
        }
    }

    /// <summary>
    /// A team's board as the seeding fills it: the cards it made, in order, and the team's members. Card i is
    /// made by member i and assigned to member i + 1 (round the team), who is the one who moves it.
    /// </summary>
    private sealed record SeededBoard(IBoardGrain Board, List<BoardActor> Members)
    {
        public List<BoardCard> Made { get; } = [];

        public BoardActor Member(int i) => Members[i % Members.Count];

        public BoardActor AssigneeOf(int card) => Member(card + 1);

        public async Task Move(int index, string lane)
        {
            var card = (await Board.GetCard(Made[index].CardId))!;
            Ok(await Board.MoveCard(new MoveCard(card.CardId, card.Version, lane, 99, $"demo-move-{index}-{lane}"), AssigneeOf(index)));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The boards' pages (routes in the web app's main.tsx), printed on every start, seeded or not: a walk through
    /// the demo found no way to them from the console but clicking through the camp page.
    /// </summary>
    private void PrintLinks(Guid campId, IReadOnlyList<TeamView> teams)
    {
        if (teams.Count == 0) return;
        var first = teams[0];
        console.Add(DemoConsole.Boards, () =>
        {
            var camp = $"{links.BaseUrl(null)}/camps/{campId}";
            return string.Join(Environment.NewLine,
                $"   {"Team boards (the organizer's sprint plan is below the list):",-62} {camp}/boards",
                $"   {"Big screen, every board live:",-62} {camp}/boards/screen",
                $"   {$"A team's board ({first.Name}):",-62} {camp}/teams/{first.TeamId}/board") + Environment.NewLine;
        });
    }

    /// <summary>
    /// Each team's members, three of the camp's voters a team (the last gets what is left), admitted to the camp
    /// and placed in the team as a published team formation does; placing again changes nothing.
    /// </summary>
    private async Task<List<List<BoardActor>>> PlaceMembers(Guid campId, IReadOnlyList<TeamView> teams)
    {
        var members = new List<List<BoardActor>>();
        for (var t = 0; t < teams.Count; t++)
        {
            // The demo camp adds its teams through the camp's grain; the team's own grain opens here (once).
            await TeamsApi.OpenTeam(grains, campId, teams[t]);
            var these = new List<BoardActor>();
            for (var v = t * 3; v < Math.Min(t * 3 + 3, DemoStatements.Voters.Count); v++)
            {
                var person = new BoardActor(DemoStatements.VoterId(campId, v), DemoStatements.Voters[v]);
                await DemoMembers.Admit(grains, campId, person.PersonId, person.Name, CampRole.Participant);
                Ok(await grains.GetGrain<ITeamGrain>(teams[t].TeamId).Place(person.PersonId, person.Name));
                these.Add(person);
            }
            members.Add(these);
        }
        return members;
    }

    private static IReadOnlyList<string> Labels(int i) => (i % 4) switch { 0 => ["research"], 1 => ["prototype"], 2 => ["pitch"], _ => [] };

    /// <summary>The same card id on every seeding of the same camp, so a repeated start finds the cards it made.</summary>
    private static Guid DemoId(Guid campId, string title) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{campId:N}/{title}")).AsSpan(0, 16));

    private static T Ok<T>(SocialInnovation.Common.Outcome<T> outcome) =>
        outcome.Error is { } e ? throw new InvalidOperationException($"Seeding the demo boards failed: {e.Code} {e.Detail}") : outcome.Value!;
}
