using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Boards;

/// <summary>
/// Add a card. The device makes <see cref="CardId"/>, so a card made offline has its id before the server
/// sees it, and a retry names the same card. <see cref="Lane"/> is <c>backlog</c> or a column's id.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CreateCard(
    Guid CardId,
    string Title,
    string? Description,
    string Lane,
    int? Points,
    IReadOnlyList<string>? Labels,
    IReadOnlyList<Guid>? Assignees,
    string IdempotencyKey);

/// <summary>Replace a card's fields. <see cref="BasedOn"/> is the card version the person edited.</summary>
[GenerateSerializer, Immutable]
public sealed record EditCard(
    Guid CardId,
    long BasedOn,
    string Title,
    string? Description,
    int? Points,
    IReadOnlyList<string>? Labels,
    IReadOnlyList<Guid>? Assignees,
    IReadOnlyList<ChecklistItem>? Checklist,
    string IdempotencyKey);

/// <summary>
/// Move a card to <see cref="Lane"/> (a column or the backlog) at <see cref="Index"/> (its place there,
/// clamped to the lane); within its own lane this reorders. <see cref="BasedOn"/> is the card version seen.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MoveCard(Guid CardId, long BasedOn, string Lane, int Index, string IdempotencyKey);

/// <summary>Comments never conflict: they are added, not edited, so they name no version.</summary>
[GenerateSerializer, Immutable]
public sealed record CommentCard(Guid CardId, string Text, string IdempotencyKey);

/// <summary>A column as the team wants it: an existing <see cref="ColumnId"/> to keep (rename, new limit), null to add one.</summary>
[GenerateSerializer, Immutable]
public sealed record ColumnSpec(string? ColumnId, string Name, int? WipLimit);

/// <summary>
/// The columns in their new order: rename, add, reorder, set WIP limits, or drop an empty column.
/// <see cref="BasedOn"/> is the columns version seen (<c>board.stale</c> otherwise).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SetColumns(long BasedOn, IReadOnlyList<ColumnSpec> Columns, string IdempotencyKey);

/// <summary>
/// The team's goal and notes for one sprint of the schedule (null: leave that one as it is).
/// <see cref="BasedOn"/> is the notes version the person saw (<c>sprint.notes-stale</c> otherwise).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WriteSprintNotes(int Number, long BasedOn, string? Goal, string? Review, string? Retro, string IdempotencyKey);

/// <summary>The organizer's choices for every board of the camp (the running sprint is started and stopped apart).</summary>
[GenerateSerializer, Immutable]
public sealed record ConfigureBoards(bool WipWarnOnly, bool OthersMayView, IReadOnlyList<SprintSlot>? Schedule, string IdempotencyKey);

/// <summary>Start sprint <see cref="Number"/> on every board, or stop the running one (null).</summary>
[GenerateSerializer, Immutable]
public sealed record RunSprint(int? Number, string IdempotencyKey);

public static class BoardLimits
{
    public const int Title = 200;
    public const int Description = 4000;
    public const int Label = 30;
    public const int Labels = 10;
    public const int Assignees = 10;
    public const int ChecklistItems = 30;
    public const int Comment = 2000;
    public const int Columns = 10;
    public const int ColumnName = 40;
    public const int Notes = 4000;
    public const int MaxPoints = 100;
    public const int Sprints = 20;

    public static bool IsLane(string? lane) => lane is not null && System.Text.RegularExpressions.Regex.IsMatch(lane, "^[a-z0-9-]{1,20}$");
}

public sealed class CreateCardValidator : AbstractValidator<CreateCard>
{
    public CreateCardValidator()
    {
        RuleFor(c => c.CardId).NotEmpty();
        RuleFor(c => c.Title).NotEmpty().MaximumLength(BoardLimits.Title).PlainText();
        RuleFor(c => c.Description).MaximumLength(BoardLimits.Description);
        RuleFor(c => c.Lane).Must(BoardLimits.IsLane).WithMessage("A lane is 'backlog' or a column's id.");
        RuleFor(c => c.Points).InclusiveBetween(0, BoardLimits.MaxPoints);
        RuleFor(c => c.Labels).Must(l => l is null || l.Count <= BoardLimits.Labels).WithMessage($"At most {BoardLimits.Labels} labels.");
        RuleForEach(c => c.Labels).NotEmpty().MaximumLength(BoardLimits.Label).PlainText();
        RuleFor(c => c.Assignees).Must(a => a is null || a.Count <= BoardLimits.Assignees).WithMessage($"At most {BoardLimits.Assignees} assignees.");
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class EditCardValidator : AbstractValidator<EditCard>
{
    public EditCardValidator()
    {
        RuleFor(c => c.CardId).NotEmpty();
        RuleFor(c => c.BasedOn).GreaterThan(0);
        RuleFor(c => c.Title).NotEmpty().MaximumLength(BoardLimits.Title).PlainText();
        RuleFor(c => c.Description).MaximumLength(BoardLimits.Description);
        RuleFor(c => c.Points).InclusiveBetween(0, BoardLimits.MaxPoints);
        RuleFor(c => c.Labels).Must(l => l is null || l.Count <= BoardLimits.Labels).WithMessage($"At most {BoardLimits.Labels} labels.");
        RuleForEach(c => c.Labels).NotEmpty().MaximumLength(BoardLimits.Label).PlainText();
        RuleFor(c => c.Assignees).Must(a => a is null || a.Count <= BoardLimits.Assignees).WithMessage($"At most {BoardLimits.Assignees} assignees.");
        RuleFor(c => c.Checklist).Must(l => l is null || l.Count <= BoardLimits.ChecklistItems).WithMessage($"At most {BoardLimits.ChecklistItems} checklist items.");
        RuleForEach(c => c.Checklist).ChildRules(item => item.RuleFor(i => i.Text).NotEmpty().MaximumLength(BoardLimits.Title).PlainText());
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class MoveCardValidator : AbstractValidator<MoveCard>
{
    public MoveCardValidator()
    {
        RuleFor(c => c.CardId).NotEmpty();
        RuleFor(c => c.BasedOn).GreaterThan(0);
        RuleFor(c => c.Lane).Must(BoardLimits.IsLane).WithMessage("A lane is 'backlog' or a column's id.");
        RuleFor(c => c.Index).GreaterThanOrEqualTo(0);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class CommentCardValidator : AbstractValidator<CommentCard>
{
    public CommentCardValidator()
    {
        RuleFor(c => c.CardId).NotEmpty();
        RuleFor(c => c.Text).NotEmpty().MaximumLength(BoardLimits.Comment);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class SetColumnsValidator : AbstractValidator<SetColumns>
{
    public SetColumnsValidator()
    {
        RuleFor(c => c.BasedOn).GreaterThanOrEqualTo(0);
        RuleFor(c => c.Columns).NotNull().Must(c => c is { Count: >= 1 and <= BoardLimits.Columns })
            .WithMessage($"A board has 1 to {BoardLimits.Columns} columns.");
        RuleFor(c => c.Columns).Must(c => c is null || c.Where(s => s.ColumnId is not null).Select(s => s.ColumnId).Distinct().Count() == c.Count(s => s.ColumnId is not null))
            .WithMessage("Each column may be named once.");
        RuleForEach(c => c.Columns).ChildRules(column =>
        {
            column.RuleFor(s => s.ColumnId).Must(id => id is null || BoardLimits.IsLane(id) && id != Lanes.Backlog).WithMessage("Not a column id.");
            column.RuleFor(s => s.Name).NotEmpty().MaximumLength(BoardLimits.ColumnName).PlainText();
            column.RuleFor(s => s.WipLimit).InclusiveBetween(1, 50);
        });
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class WriteSprintNotesValidator : AbstractValidator<WriteSprintNotes>
{
    public WriteSprintNotesValidator()
    {
        RuleFor(c => c.Number).InclusiveBetween(1, BoardLimits.Sprints);
        RuleFor(c => c.BasedOn).GreaterThanOrEqualTo(0);
        RuleFor(c => c.Goal).MaximumLength(BoardLimits.Title).PlainText();
        RuleFor(c => c.Review).MaximumLength(BoardLimits.Notes);
        RuleFor(c => c.Retro).MaximumLength(BoardLimits.Notes);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class ConfigureBoardsValidator : AbstractValidator<ConfigureBoards>
{
    public ConfigureBoardsValidator()
    {
        RuleFor(c => c.Schedule).Must(s => s is null || s.Count <= BoardLimits.Sprints).WithMessage($"At most {BoardLimits.Sprints} sprints.");
        RuleFor(c => c.Schedule).Must(s => s is null || s.Select((slot, i) => slot.Number == i + 1).All(ok => ok))
            .WithMessage("Sprints are numbered 1, 2, 3 … in order.");
        RuleForEach(c => c.Schedule).Must(s => s.End > s.Start).WithMessage("A sprint ends after it starts.");
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class RunSprintValidator : AbstractValidator<RunSprint>
{
    public RunSprintValidator()
    {
        RuleFor(c => c.Number).InclusiveBetween(1, BoardLimits.Sprints);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}
