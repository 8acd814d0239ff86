import PDFDocument from 'pdfkit';
import sharp from 'sharp';

/** The TrueType fonts embedded in every certificate (from an npm package: no system fonts needed). */
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface CertificateContent {
  tenantName: string;
  /** The hub's logo (PNG, JPEG or WebP), or null. */
  logo: { contentType: string; content: Buffer } | null;
  holderName: string;
  courseTitle: string;
  /** The session dates in words. */
  dates: string[];
  /** "6 uur", "1 uur en 30 minuten". */
  hours: string;
  trainer: string;
  completedOn: string;
  code: string;
  verifyUrl: string;
  /** The lines of text, in Dutch, already filled in (from the i18n strings). */
  text: {
    title: string;
    intro: string;
    course: string;
    dates: string;
    hours: string;
    trainer: string;
    verify: string;
    code: string;
  };
}

/** PNG and JPEG go in as they are; WebP (which PDF cannot hold) is converted to PNG. */
async function logoForPdf(logo: CertificateContent['logo']): Promise<Buffer | null> {
  if (!logo) return null;
  if (logo.contentType === 'image/png' || logo.contentType === 'image/jpeg') return logo.content;
  if (logo.contentType === 'image/webp') return sharp(logo.content).png().toBuffer();
  return null;
}

/**
 * A certificate of attendance as a tagged PDF (PDF/UA: a structure tree with headings,
 * paragraphs and the logo as a figure with its alternative text, the language nl-BE, the title
 * shown by readers, an embedded TrueType font).
 */
export async function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  const logo = await logoForPdf(content.logo);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 64,
    tagged: true,
    // pdfkit 0.15+ knows PDF/UA; @types/pdfkit lists only the PDF/A subsets.
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    pdfVersion: '1.7',
    lang: 'nl-BE',
    displayTitle: true,
    info: {
      Title: `${content.text.title}: ${content.courseTitle}`,
      Author: content.tenantName,
      Subject: content.courseTitle,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - 128;
  if (logo) {
    root.add(
      doc.struct('Figure', { alt: `Logo van ${content.tenantName}` }, () => {
        doc.image(logo, 64, 56, { fit: [160, 80] });
      }),
    );
    doc.y = 150;
  }
  const paragraph = (text: string, opts: { bold?: boolean; size?: number; gap?: number } = {}) =>
    root.add(
      doc.struct('P', {}, () => {
        doc
          .font(opts.bold ? 'bold' : 'regular')
          .fontSize(opts.size ?? 13)
          .fillColor('#111111')
          .text(text, 64, doc.y, { width });
        doc.moveDown(opts.gap ?? 0.6);
      }),
    );

  paragraph(content.tenantName, { bold: true, size: 14, gap: 1.2 });
  root.add(
    doc.struct('H1', {}, () => {
      doc
        .font('bold')
        .fontSize(28)
        .fillColor('#111111')
        .text(content.text.title, 64, doc.y, { width });
      doc.moveDown(0.8);
    }),
  );
  paragraph(content.text.intro, { gap: 0.3 });
  paragraph(content.holderName, { bold: true, size: 22, gap: 0.8 });
  paragraph(content.text.course, { gap: 0.3 });
  paragraph(content.courseTitle, { bold: true, size: 18, gap: 1.2 });
  paragraph(content.text.dates, { bold: true, gap: 0.2 });
  paragraph(content.dates.join('\n'), { gap: 0.8 });
  paragraph(content.text.hours, { gap: 0.4 });
  if (content.trainer) paragraph(content.text.trainer, { gap: 1.6 });
  root.add(
    doc.struct('H2', {}, () => {
      doc.font('bold').fontSize(14).text(content.text.verify, 64, doc.y, { width });
      doc.moveDown(0.3);
    }),
  );
  paragraph(content.text.code, { gap: 0.3 });
  paragraph(content.verifyUrl, { size: 11 });
  root.end();
  doc.end();
  return done;
}
