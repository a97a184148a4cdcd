using Azure.Data.Tables;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Polls;
using SocialInnovation.Server.Hosting;

namespace SocialInnovation.Server.Polls;

/// <summary>
/// The polls' votes since each poll was last stored whole: rows of one Azure table per state container
/// (<c>polljournal&lt;container&gt;</c>, as the boards' <c>boardjournal&lt;container&gt;</c>), partition = the
/// poll, one row per group commit holding its votes, so a burst of hundreds of votes is one insert.
/// </summary>
public static class PollJournal
{
    public static IServiceCollection AddPollJournal(this IServiceCollection services, PlatformSettings settings) =>
        services.AddSingleton<IJournal<VoteEntry>>(sp => new TableJournal<VoteEntry>(
            new TableServiceClient(settings.StorageConnectionString).GetTableClient(TableName(settings.StateContainer)),
            TableJournalRows.OnePerAppend, sp.GetRequiredService<ILogger<TableJournal<VoteEntry>>>()));

    /// <summary>Letters and digits only, at most 63 (Azure's rules for table names).</summary>
    public static string TableName(string stateContainer)
    {
        var name = "polljournal" + new string(stateContainer.Where(char.IsAsciiLetterOrDigit).ToArray());
        return name.Length > 63 ? name[..63] : name;
    }
}
