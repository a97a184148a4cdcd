using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Camps;

public sealed partial class CampGrain
{
    /// <summary>
    /// The camp's themes grow by the winning problem statements. No event of its own: the teams made on the
    /// new themes right after are <see cref="CampEventKind.TeamAdded"/> events carrying their theme, and a
    /// fresh snapshot lists the themes.
    /// </summary>
    public async Task<Outcome<CampSnapshot>> AdoptThemes(AdoptThemes command)
    {
        if (CommandCheck.Refusal(Shared<AdoptThemesValidator>.Validator, command) is { } invalid) return invalid;
        if (!Camp.Exists) return NotFound();
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);

        var themes = Camp.Details!.Themes.ToList();
        var added = command.Themes.Where(t => !themes.Contains(t, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (themes.Count + added.Count > ICampGrain.MaxThemes)
            return DomainError.Conflict("camp.themes-full", $"A camp has at most {ICampGrain.MaxThemes} themes.");

        Camp.Details = Camp.Details with { Themes = [.. themes, .. added] };
        _log.Remember(command.IdempotencyKey, command);
        await _log.Commit();
        return Snapshot();
    }
}
