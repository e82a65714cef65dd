/** The automatic answer to a question about a known procedure: the essentials and where to read more. Pure. */

export type ProcedureEssentials = {
  code: string;
  shortName: string;
  documents: readonly string[];
  fees: readonly { text: string }[];
  processingTime: { text: string } | null;
  agency: string | null;
};

const MAX_DOCUMENTS = 4;

export function formatProcedureAnswer(procedures: readonly ProcedureEssentials[], publicUrl: string): string {
  const parts = procedures.map((p) => {
    const lines = [`• ${p.shortName}`];
    if (p.documents.length > 0) {
      const shown = p.documents.slice(0, MAX_DOCUMENTS).map((d) => `  - ${d}`);
      if (p.documents.length > MAX_DOCUMENTS) shown.push(`  - … (${p.documents.length - MAX_DOCUMENTS} giấy tờ khác)`);
      lines.push('  Giấy tờ cần chuẩn bị:', ...shown);
    }
    if (p.fees[0]) lines.push(`  Lệ phí: ${p.fees[0].text}`);
    if (p.processingTime) lines.push(`  Thời hạn giải quyết: ${p.processingTime.text}`);
    if (p.agency) lines.push(`  Nơi nộp: ${p.agency}`);
    lines.push(`  Chi tiết: ${publicUrl}/thu-tuc/${p.code}`);
    return lines.join('\n');
  });
  return [
    'Trả lời tự động: thông tin thủ tục Ông/Bà hỏi (theo danh mục thủ tục cấp xã; một số thông tin đang được cơ quan kiểm tra lại).',
    ...parts,
    'Cán bộ sẽ trả lời thêm nếu Ông/Bà cần.',
  ].join('\n');
}
