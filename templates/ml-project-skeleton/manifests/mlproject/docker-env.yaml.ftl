# The trainer image pushed by `devspace build` (tag latest). Without --build-image the code is NOT in
# the image that runs; always pass --build-image with the kubernetes backend.
image: [=registry]/[=project_name]
