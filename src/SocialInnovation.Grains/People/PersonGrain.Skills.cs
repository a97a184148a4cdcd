using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.People;

namespace SocialInnovation.Grains.People;

/// <summary>The person's country, skills and languages, which team formation mixes teams by.</summary>
public sealed partial class PersonGrain
{
    public async Task<SkillProfile> GetSkills()
    {
        await Load();
        return Person.Skills;
    }

    public async Task<Outcome<SkillProfile>> SaveSkills(SaveSkillProfile command)
    {
        if (CommandCheck.Refusal(Shared<SaveSkillProfileValidator>.Validator, command) is { } invalid) return invalid;
        await Load();
        if (!Exists) return DomainError.NotFound("person.unknown", "There is no such person.");
        var (skills, languages) = (Tags(command.Skills), Tags(command.Languages));
        var current = Person.Skills;
        // Saving what is stored (a retry, a second tap) changes nothing.
        if (current.Version > 0 && current.Country == command.Country && current.Skills.SequenceEqual(skills) && current.Languages.SequenceEqual(languages))
            return current;
        Person.Skills = new SkillProfile(command.Country, skills, languages, current.Version + 1);
        await Store();
        return Person.Skills;
    }

    /// <summary>Trimmed, each once whatever its case, in the order given.</summary>
    private static string[] Tags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).DistinctBy(t => t.ToLowerInvariant()).ToArray();
}
