//! The organisation's logo as a texture, made once for each logo read: the canvas and the
//! presentation draw it.

use crate::scene::Logo;
use eframe::egui;
use std::sync::Arc;

#[derive(Default)]
pub struct LogoTexture(Option<(Arc<Logo>, egui::TextureHandle)>);

impl LogoTexture {
    /// The texture of `logo`, made if it is another logo than last time; none without one.
    pub fn of(&mut self, ctx: &egui::Context, logo: Option<&Arc<Logo>>) -> Option<egui::TextureId> {
        let Some(logo) = logo else {
            self.0 = None;
            return None;
        };
        match &self.0 {
            Some((made_from, texture)) if Arc::ptr_eq(made_from, logo) => Some(texture.id()),
            _ => {
                let size = [logo.width as usize, logo.height as usize];
                if size[0] * size[1] * 4 != logo.rgba.len() {
                    return None;
                }
                let image = egui::ColorImage::from_rgba_unmultiplied(size, &logo.rgba);
                // Mipmaps: the logo is shown much smaller than its pixels, and sampled
                // without them it would shimmer as the chart zooms.
                let options = egui::TextureOptions::LINEAR
                    .with_mipmap_mode(Some(egui::TextureFilter::Linear));
                let texture = ctx.load_texture("organisation-logo", image, options);
                let id = texture.id();
                self.0 = Some((logo.clone(), texture));
                Some(id)
            }
        }
    }
}
