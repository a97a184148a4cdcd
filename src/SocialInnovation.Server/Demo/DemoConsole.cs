namespace SocialInnovation.Server.Demo;

/// <summary>
/// What the demo prints, printed together once the server listens and in the order of the walk-through:
/// the demo camp's invite links, then its audience poll, boards and mentoring links, then the intake demo.
/// <c>ApplicationStarted</c> runs its callbacks last-registered first, so each demo registering its own printed
/// them upside down (the audience poll above "TechBootCamp demo is ready").
/// </summary>
public sealed class DemoConsole
{
    public const int Invites = 10, Audience = 15, Boards = 17, Mentoring = 20, Intake = 40;

    private readonly List<(int Order, Func<string> Text)> parts = [];

    /// <summary>Everything printed so far, for tests that check the links a demo prints.</summary>
    public string Printed { get; private set; } = "";

    public DemoConsole(IHostApplicationLifetime lifetime) => lifetime.ApplicationStarted.Register(Print);

    /// <summary>
    /// Adds <paramref name="text"/> at <paramref name="order"/> (one of the constants above); made when printed,
    /// since the links' address is known only once the server listens.
    /// </summary>
    public void Add(int order, Func<string> text)
    {
        lock (parts) parts.Add((order, text));
    }

    private void Print()
    {
        lock (parts)
        {
            foreach (var (_, text) in parts.OrderBy(p => p.Order))
            {
                var shown = text();
                Console.WriteLine(shown);
                Printed += shown + Environment.NewLine;
            }
            parts.Clear();
        }
    }
}
