using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignAdmin.Dashboard.Identity.Migrations
{
    /// <inheritdoc />
    public partial class Approvals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovalError",
                table: "Drafts",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "Drafts",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByEmail",
                table: "Drafts",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "State",
                table: "Drafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAtUtc",
                table: "Drafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedByEmail",
                table: "Drafts",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubmittedById",
                table: "Drafts",
                type: "TEXT",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "DraftId",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_State_SubmittedAtUtc",
                table: "Drafts",
                columns: new[] { "State", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_DraftId",
                table: "AuditEntries",
                column: "DraftId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Drafts_State_SubmittedAtUtc",
                table: "Drafts");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_DraftId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ApprovalError",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "ReviewedByEmail",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "SubmittedAtUtc",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "SubmittedByEmail",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "SubmittedById",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "DraftId",
                table: "AuditEntries");
        }
    }
}
